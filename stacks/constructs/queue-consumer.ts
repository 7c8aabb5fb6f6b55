/**
 * A function draining a queue (src/pipeline/queues.ts): the event source mapping, reporting the records
 * that failed so only those are retried (and, after a few receives, moved to the queue's dead-letter queue).
 *
 * Checked at construction: the queue has a dead-letter queue (a record that keeps failing must go
 * somewhere), its visibility timeout is at least 6 times the function's timeout (AWS), and the poller
 * settings are in range.
 */
import { LambdaEventSourceMapping } from '@cdktf/provider-aws/lib/lambda-event-source-mapping';
import { Construct } from 'constructs';
import { VISIBILITY_TIMEOUT_FACTOR, visibilityTimeoutFor, type QueueSpec } from '../../src/pipeline/queues';
import { check, checkInteger } from './checks';
import type { EncryptedQueue } from './encrypted-queue';
import type { PipelineFunction } from './pipeline-function';

export interface QueueConsumerProps {
  /** With a dead-letter queue, and a visibility timeout of at least 6 times the consumer's timeout. */
  readonly queue: EncryptedQueue;
  readonly consumer: PipelineFunction;
  /** How the queue is drained: batch size (1-10000; over 10 needs a batching window), batching window (0-300 s), concurrency (2-1000). */
  readonly spec: QueueSpec;
}

export class QueueConsumer extends Construct {
  readonly eventSourceMapping: LambdaEventSourceMapping;

  constructor(scope: Construct, id: string, props: QueueConsumerProps) {
    super(scope, id);
    const { queue, consumer, spec } = props;
    check(this, queue.deadLetterQueue !== undefined, `${spec.name} needs a dead-letter queue (maxReceiveCount): records its consumer keeps failing on would otherwise come back until they expire`);
    const needed = visibilityTimeoutFor(consumer.timeoutSeconds);
    check(
      this,
      queue.visibilityTimeoutSeconds >= needed,
      `${spec.name}'s visibility timeout (${queue.visibilityTimeoutSeconds} s) must be at least ${VISIBILITY_TIMEOUT_FACTOR} times its consumer's timeout (${consumer.timeoutSeconds} s): ${needed} s`,
    );
    checkInteger(this, 'spec.batchSize', spec.batchSize, 1, 10000);
    checkInteger(this, 'spec.maximumBatchingWindowInSeconds', spec.maximumBatchingWindowInSeconds, 0, 300);
    check(this, spec.batchSize <= 10 || spec.maximumBatchingWindowInSeconds >= 1, `a batchSize over 10 (${spec.batchSize}) needs a maximumBatchingWindowInSeconds of at least 1`);
    checkInteger(this, 'spec.maximumConcurrency', spec.maximumConcurrency, 2, 1000);

    this.eventSourceMapping = new LambdaEventSourceMapping(this, 'poller', {
      eventSourceArn: queue.arn,
      functionName: consumer.function.arn,
      batchSize: spec.batchSize,
      maximumBatchingWindowInSeconds: spec.maximumBatchingWindowInSeconds,
      functionResponseTypes: ['ReportBatchItemFailures'],
      scalingConfig: { maximumConcurrency: spec.maximumConcurrency },
      // CreateEventSourceMapping checks that the role can receive from the queue.
      dependsOn: [consumer.policy],
    });
  }
}
