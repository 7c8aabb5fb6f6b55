/**
 * An SQS queue encrypted with the tenant key, optionally with its own dead-letter queue, and optionally
 * open to one AWS service for SendMessage from given source ARNs only.
 */
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { SqsQueuePolicy } from '@cdktf/provider-aws/lib/sqs-queue-policy';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import { condition, policyDocument } from './policy';

/** The longest SQS keeps a message: what a dead-letter queue should keep. */
export const MAX_RETENTION_SECONDS = 14 * 24 * 3600;

export interface EncryptedQueueProps {
  readonly name: string;
  readonly kmsKeyArn: string;
  /** @default 30 */
  readonly visibilityTimeoutSeconds?: number;
  /** @default 345600 (4 days); 14 days for a dead-letter queue */
  readonly messageRetentionSeconds?: number;
  /** Give the queue a dead-letter queue `<name>-dlq` that receives messages after this many receives. @default - no dead-letter queue */
  readonly maxReceiveCount?: number;
  /** How long SQS reuses a data key before calling KMS again. @default 300 */
  readonly kmsDataKeyReusePeriodSeconds?: number;
}

export class EncryptedQueue extends Construct {
  readonly queue: SqsQueue;
  /** Present when `maxReceiveCount` was given. */
  readonly deadLetterQueue?: SqsQueue;
  private policy?: SqsQueuePolicy;

  constructor(scope: Construct, id: string, props: EncryptedQueueProps) {
    super(scope, id);
    const encryption = { kmsMasterKeyId: props.kmsKeyArn, kmsDataKeyReusePeriodSeconds: props.kmsDataKeyReusePeriodSeconds ?? 300 };
    if (props.maxReceiveCount !== undefined) {
      this.deadLetterQueue = new SqsQueue(this, 'dlq', { name: `${props.name}-dlq`, messageRetentionSeconds: MAX_RETENTION_SECONDS, ...encryption });
    }
    this.queue = new SqsQueue(this, 'queue', {
      name: props.name,
      visibilityTimeoutSeconds: props.visibilityTimeoutSeconds ?? 30,
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
    if (this.policy) throw new Error(`${this.node.path}: allowSendFrom was already called; a queue has one policy`);
    if (!sourceArns.length) throw new Error(`${this.node.path}: allowSendFrom needs at least one source ARN`);
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
