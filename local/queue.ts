/**
 * A queue and its event source mapping, locally, with the SQS semantics the consuming function relies on: batches of at most `batchSize` records; a record reported in batchItemFailures, or every
 * record of an invocation that failed, comes back (once its visibility timeout has passed: here, later
 * in the same drain) with its receive count raised; after `maxReceiveCount` receives it goes to the
 * dead-letter queue instead.
 */
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { chunksOf, type RequestMeter } from '../src/aws/request-meter';

/** SQS returns and deletes at most 10 messages per ReceiveMessage and DeleteMessageBatch call. */
export const SQS_MESSAGES_PER_CALL = 10;

export interface LocalQueueOptions {
  /** The queue's ARN, as the records' eventSourceARN. */
  readonly arn: string;
  /** The queue's URL, what a sender names it by. @default - the ARN */
  readonly url?: string;
  readonly region: string;
  /** Records per invocation of the consumer. */
  readonly batchSize: number;
  /** Receives before a record goes to the dead-letter queue (the queue's redrive policy). */
  readonly maxReceiveCount: number;
  /**
   * Counts the SQS requests as AWS bills them: a SendMessage per message (EventBridge sends one per
   * event), and for each batch the event source mapping's ReceiveMessage and DeleteMessageBatch calls
   * of up to 10 messages, each billed per 64 KB chunk of payload. @default - not counted
   */
  readonly meter?: RequestMeter;
}

export interface DeadLetter {
  readonly messageId: string;
  readonly body: string;
}

/** The consumer of the queue: a Lambda handler for SQS events reporting partial batch failures. */
export type BatchConsumer = (event: SQSEvent) => Promise<SQSBatchResponse>;

interface QueuedMessage {
  readonly messageId: string;
  readonly body: string;
  receiveCount: number;
}

export class LocalQueue {
  /** Messages SQS gave up on, moved to the dead-letter queue after maxReceiveCount receives. */
  readonly deadLetters: DeadLetter[] = [];
  private readonly messages: QueuedMessage[] = [];
  private messageSeq = 0;

  constructor(readonly options: LocalQueueOptions) {}

  /** SendMessage: the body as-is. */
  send(body: string): void {
    const bytes = Buffer.byteLength(body);
    this.meter('SendMessage', { requests: 1, bytes, chunks: chunksOf(bytes) });
    this.messages.push({ messageId: `msg-${++this.messageSeq}`, body, receiveCount: 0 });
  }

  /** Let the consumer receive batches until the queue is empty. Returns the batches and how many record receives failed. */
  async drain(consumer: BatchConsumer): Promise<{ batches: number; failures: number }> {
    let batches = 0;
    let failures = 0;
    while (this.messages.length) {
      const batch = this.messages.splice(0, this.options.batchSize);
      for (const m of batch) m.receiveCount++;
      this.countCalls('ReceiveMessage', batch);
      let failed: Set<string>;
      try {
        const res = await consumer(this.event(batch));
        failed = new Set(res.batchItemFailures.map((f) => f.itemIdentifier));
      } catch {
        failed = new Set(batch.map((m) => m.messageId)); // the invocation failed: the whole batch comes back
      }
      batches++;
      failures += failed.size;
      this.countCalls('DeleteMessageBatch', batch.filter((m) => !failed.has(m.messageId)));
      for (const m of batch) {
        if (!failed.has(m.messageId)) continue;
        if (m.receiveCount >= this.options.maxReceiveCount) this.deadLetters.push({ messageId: m.messageId, body: m.body });
        else this.messages.push(m);
      }
    }
    return { batches, failures };
  }

  private meter(operation: string, quantities: { requests: number; bytes: number; chunks: number }): void {
    this.options.meter?.record({ service: 'SQS', operation, component: 'queue', resource: this.options.arn }, quantities);
  }

  /** Calls of up to SQS_MESSAGES_PER_CALL messages each; a receive is billed by the bodies it returns, a delete by its receipt handles. */
  private countCalls(operation: 'ReceiveMessage' | 'DeleteMessageBatch', messages: readonly QueuedMessage[]): void {
    for (let i = 0; i < messages.length; i += SQS_MESSAGES_PER_CALL) {
      const call = messages.slice(i, i + SQS_MESSAGES_PER_CALL);
      const bytes = call.reduce((n, m) => n + Buffer.byteLength(operation === 'ReceiveMessage' ? m.body : m.messageId), 0);
      this.meter(operation, { requests: 1, bytes, chunks: chunksOf(bytes) });
    }
  }

  private event(batch: readonly QueuedMessage[]): SQSEvent {
    return {
      Records: batch.map((m) => ({
        messageId: m.messageId,
        receiptHandle: m.messageId,
        body: m.body,
        attributes: { ApproximateReceiveCount: String(m.receiveCount), SentTimestamp: String(Date.now()), SenderId: 'events.amazonaws.com', ApproximateFirstReceiveTimestamp: String(Date.now()) },
        messageAttributes: {},
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: this.options.arn,
        awsRegion: this.options.region,
      })),
    };
  }
}
