/**
 * Ingest: every Okta event on the bus (ingestPattern()) goes to the SQS buffer queue, and the ingest
 * function drains the buffer in batches, reporting the records it could not store so only those are
 * retried (and, after a few receives, moved to the buffer's dead-letter queue).
 */
import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { LambdaEventSourceMapping } from '@cdktf/provider-aws/lib/lambda-event-source-mapping';
import { Construct } from 'constructs';
import { ingestPattern } from '../../src/events/patterns';
import { QUEUES } from '../../src/pipeline/queues';
import type { EncryptedQueue } from './encrypted-queue';
import type { PipelineFunction } from './pipeline-function';

/** How EventBridge retries a target before it gives up and sends the event to the target's DLQ. */
export interface TargetRetry {
  /** @default 86400 (24 hours) */
  readonly maximumEventAgeInSeconds?: number;
  /** @default 185 */
  readonly maximumRetryAttempts?: number;
}

export function targetRetryPolicy(retry: TargetRetry = {}) {
  return { maximumEventAgeInSeconds: retry.maximumEventAgeInSeconds ?? 86400, maximumRetryAttempts: retry.maximumRetryAttempts ?? 185 };
}

export interface IngestRouteProps {
  readonly busName: string;
  readonly ruleName: string;
  readonly buffer: EncryptedQueue;
  readonly ingest: PipelineFunction;
  /** Where EventBridge puts events it could not deliver to the buffer. */
  readonly deliveryDeadLetterQueueArn: string;
  /** How EventBridge retries the buffer target. @default 24 hours, 185 attempts */
  readonly retry?: TargetRetry;
  /** Records per ingest invocation. @default QUEUES['ingest-buffer'].batchSize (100) */
  readonly batchSize?: number;
  /** Seconds the poller may wait to fill a batch. @default QUEUES['ingest-buffer'].maximumBatchingWindowInSeconds (5) */
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
      retryPolicy: targetRetryPolicy(props.retry),
    });
    // Only this rule may send to the buffer.
    props.buffer.allowSendFrom('events.amazonaws.com', [this.rule.arn]);

    const consumer = QUEUES['ingest-buffer'];
    this.eventSourceMapping = new LambdaEventSourceMapping(this, 'poller', {
      eventSourceArn: props.buffer.arn,
      functionName: props.ingest.function.arn,
      batchSize: props.batchSize ?? consumer.batchSize,
      maximumBatchingWindowInSeconds: props.maximumBatchingWindowInSeconds ?? consumer.maximumBatchingWindowInSeconds,
      functionResponseTypes: ['ReportBatchItemFailures'],
      scalingConfig: { maximumConcurrency: props.maximumConcurrency ?? consumer.maximumConcurrency },
      // CreateEventSourceMapping checks that the role can receive from the queue.
      dependsOn: [props.ingest.policy],
    });
  }
}
