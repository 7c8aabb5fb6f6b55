/**
 * An SQS queue encrypted with the tenant key, optionally with its own dead-letter queue, and optionally
 * open to one AWS service for SendMessage from given source ARNs only.
 */
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { SqsQueuePolicy } from '@cdktf/provider-aws/lib/sqs-queue-policy';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import { check, checkInteger } from './checks';
import { condition, policyDocument } from './policy';

/** The longest SQS keeps a message: what a dead-letter queue should keep. */
export const MAX_RETENTION_SECONDS = 14 * 24 * 3600;
/** The shortest SQS keeps a message. */
export const MIN_RETENTION_SECONDS = 60;
/** The longest visibility timeout SQS allows (12 hours). */
export const MAX_VISIBILITY_TIMEOUT_SECONDS = 12 * 3600;

export interface EncryptedQueueProps {
  /** Queue name; its dead-letter queue, if any, is `<name>-dlq`. */
  readonly name: string;
  readonly kmsKeyArn: string;
  /** Seconds a received message stays hidden from other consumers (0 to 12 hours). @default 30 */
  readonly visibilityTimeoutSeconds?: number;
  /** Seconds SQS keeps a message (60 to 14 days). @default - SQS's 345600 (4 days) */
  readonly messageRetentionSeconds?: number;
  /** Give the queue a dead-letter queue `<name>-dlq`, kept 14 days, that receives messages after this many receives (1-1000). @default - no dead-letter queue */
  readonly maxReceiveCount?: number;
  /** How long SQS reuses a data key before calling KMS again (60 to 86400). @default 300 */
  readonly kmsDataKeyReusePeriodSeconds?: number;
}

export class EncryptedQueue extends Construct {
  readonly queue: SqsQueue;
  /** Present when `maxReceiveCount` was given. */
  readonly deadLetterQueue?: SqsQueue;
  /** The queue's visibility timeout: a consumer's timeout must fit in it (see IngestRoute). */
  readonly visibilityTimeoutSeconds: number;
  private policy?: SqsQueuePolicy;

  constructor(scope: Construct, id: string, props: EncryptedQueueProps) {
    super(scope, id);
    checkInteger(this, 'visibilityTimeoutSeconds', props.visibilityTimeoutSeconds, 0, MAX_VISIBILITY_TIMEOUT_SECONDS);
    checkInteger(this, 'messageRetentionSeconds', props.messageRetentionSeconds, MIN_RETENTION_SECONDS, MAX_RETENTION_SECONDS);
    checkInteger(this, 'maxReceiveCount', props.maxReceiveCount, 1, 1000);
    checkInteger(this, 'kmsDataKeyReusePeriodSeconds', props.kmsDataKeyReusePeriodSeconds, 60, 86400);
    this.visibilityTimeoutSeconds = props.visibilityTimeoutSeconds ?? 30;
    const encryption = { kmsMasterKeyId: props.kmsKeyArn, kmsDataKeyReusePeriodSeconds: props.kmsDataKeyReusePeriodSeconds ?? 300 };
    if (props.maxReceiveCount !== undefined) {
      this.deadLetterQueue = new SqsQueue(this, 'dlq', { name: `${props.name}-dlq`, messageRetentionSeconds: MAX_RETENTION_SECONDS, ...encryption });
    }
    this.queue = new SqsQueue(this, 'queue', {
      name: props.name,
      visibilityTimeoutSeconds: this.visibilityTimeoutSeconds,
      messageRetentionSeconds: props.messageRetentionSeconds,
      ...encryption,
      // The DLQ ARN is a Terraform reference: Terraform's jsonencode renders the policy, not JSON.stringify.
      ...(this.deadLetterQueue ? { redrivePolicy: Fn.jsonencode({ deadLetterTargetArn: this.deadLetterQueue.arn, maxReceiveCount: props.maxReceiveCount }) } : {}),
    });
  }

  get arn(): string {
    return this.queue.arn;
  }
  get url(): string {
    return this.queue.url;
  }

  /**
   * Let one AWS service send messages to this queue, only on behalf of the given source ARNs
   * (`aws:SourceArn`), e.g. EventBridge for given rules. A queue has one policy: call this once.
   */
  allowSendFrom(service: string, sourceArns: readonly string[]): SqsQueuePolicy {
    check(this, !this.policy, 'allowSendFrom was already called; a queue has one policy');
    check(this, sourceArns.length > 0, 'allowSendFrom needs at least one source ARN');
    const doc = policyDocument(this, 'policy-document', [
      {
        sid: 'ServiceSendsFromSources',
        principals: [{ type: 'Service', identifiers: [service] }],
        actions: ['sqs:SendMessage'],
        resources: [this.queue.arn],
        condition: [condition('ArnEquals', 'aws:SourceArn', ...sourceArns)],
      },
    ]);
    this.policy = new SqsQueuePolicy(this, 'policy', { queueUrl: this.queue.url, policy: doc.json });
    return this.policy;
  }
}
