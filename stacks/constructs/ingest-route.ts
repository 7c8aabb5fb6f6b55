/**
 * Ingest: every Okta event on the bus (ingestPattern()) goes to the SQS buffer queue, and the ingest
 * function drains the buffer in batches, reporting the records it could not store so only those are
 * retried (and, after a few receives, moved to the buffer's dead-letter queue).
 *
 * Checked at construction: the buffer has a dead-letter queue (a record that keeps failing must go
 * somewhere), its visibility timeout is at least 6 times the ingest function's timeout (AWS), and the
 * poller settings are in range.
 */
import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { LambdaEventSourceMapping } from '@cdktf/provider-aws/lib/lambda-event-source-mapping';
import { Construct } from 'constructs';
import { ingestPattern } from '../../src/events/patterns';
import { QUEUES, VISIBILITY_TIMEOUT_FACTOR, visibilityTimeoutFor } from '../../src/pipeline/queues';
import { check, checkInteger } from './checks';
import type { EncryptedQueue } from './encrypted-queue';
import type { PipelineFunction } from './pipeline-function';
import { targetRetryPolicy, type TargetRetry } from './target-retry';

export interface IngestRouteProps {
  readonly busName: string;
  readonly ruleName: string;
  /** The queue events wait in: with a dead-letter queue, and a visibility timeout of at least 6 times the ingest function's timeout. */
  readonly buffer: EncryptedQueue;
  readonly ingest: PipelineFunction;
  /** Where EventBridge puts events it could not deliver to the buffer. */
  readonly deliveryDeadLetterQueueArn: string;
  /** How EventBridge retries the buffer target. @default 24 hours, 185 attempts */
  readonly retry?: TargetRetry;
  /** Records per ingest invocation (1-10000; over 10 needs a batching window). @default QUEUES['ingest-buffer'].batchSize (1000) */
  readonly batchSize?: number;
  /** Seconds the poller may wait to fill a batch (0-300). @default QUEUES['ingest-buffer'].maximumBatchingWindowInSeconds (300) */
  readonly maximumBatchingWindowInSeconds?: number;
  /** Concurrent ingest invocations the poller may run (2-1000). @default QUEUES['ingest-buffer'].maximumConcurrency (10) */
  readonly maximumConcurrency?: number;
}

export class IngestRoute extends Construct {
  readonly rule: CloudwatchEventRule;
  readonly target: CloudwatchEventTarget;
  readonly eventSourceMapping: LambdaEventSourceMapping;

  constructor(scope: Construct, id: string, props: IngestRouteProps) {
    super(scope, id);
    const consumer = QUEUES['ingest-buffer'];
    const batchSize = props.batchSize ?? consumer.batchSize;
    const batchingWindow = props.maximumBatchingWindowInSeconds ?? consumer.maximumBatchingWindowInSeconds;
    const maximumConcurrency = props.maximumConcurrency ?? consumer.maximumConcurrency;
    check(this, props.buffer.deadLetterQueue !== undefined, 'the buffer needs a dead-letter queue (maxReceiveCount): records ingest keeps failing on would otherwise come back until they expire');
    const needed = visibilityTimeoutFor(props.ingest.timeoutSeconds);
    check(
      this,
      props.buffer.visibilityTimeoutSeconds >= needed,
      `the buffer's visibility timeout (${props.buffer.visibilityTimeoutSeconds} s) must be at least ${VISIBILITY_TIMEOUT_FACTOR} times the ingest function's timeout (${props.ingest.timeoutSeconds} s): ${needed} s`,
    );
    checkInteger(this, 'batchSize', batchSize, 1, 10000);
    checkInteger(this, 'maximumBatchingWindowInSeconds', batchingWindow, 0, 300);
    check(this, batchSize <= 10 || batchingWindow >= 1, `a batchSize over 10 (${batchSize}) needs a maximumBatchingWindowInSeconds of at least 1`);
    checkInteger(this, 'maximumConcurrency', maximumConcurrency, 2, 1000);

    this.rule = new CloudwatchEventRule(this, 'rule', {
      name: props.ruleName,
      description: 'Every Okta System Log event -> ingest buffer',
      eventBusName: props.busName,
      eventPattern: JSON.stringify(ingestPattern()),
    });
    this.target = new CloudwatchEventTarget(this, 'target', {
      rule: this.rule.name,
      eventBusName: props.busName,
      targetId: 'ingest-buffer',
      arn: props.buffer.arn,
      deadLetterConfig: { arn: props.deliveryDeadLetterQueueArn },
      retryPolicy: targetRetryPolicy(this, props.retry),
    });
    // Only this rule may send to the buffer.
    props.buffer.allowSendFrom('events.amazonaws.com', [this.rule.arn]);

    this.eventSourceMapping = new LambdaEventSourceMapping(this, 'poller', {
      eventSourceArn: props.buffer.arn,
      functionName: props.ingest.function.arn,
      batchSize,
      maximumBatchingWindowInSeconds: batchingWindow,
      functionResponseTypes: ['ReportBatchItemFailures'],
      scalingConfig: { maximumConcurrency },
      // CreateEventSourceMapping checks that the role can receive from the queue.
      dependsOn: [props.ingest.policy],
    });
  }
}
