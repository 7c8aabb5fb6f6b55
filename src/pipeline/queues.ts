/**
 * The SQS queues a function drains, and how it drains them: defined once for the stack (the queue's
 * redrive policy and visibility timeout, the event source mapping) and for the local runtime's queues.
 */

export type QueueName = 'ingest-objects';

export interface QueueSpec {
  /** Logical name; the deployed queue is `vigil-<tenant>-<name>`, its dead-letter queue `<that>-dlq`. */
  readonly name: QueueName;
  readonly description: string;
  /** Records per invocation of the consumer. */
  readonly batchSize: number;
  /** Seconds the poller may wait to fill a batch. */
  readonly maximumBatchingWindowInSeconds: number;
  /** Concurrent invocations the poller may run (2-1000). */
  readonly maximumConcurrency: number;
  /** Receives of a message before SQS moves it to the queue's dead-letter queue. */
  readonly maxReceiveCount: number;
}

// One message per object the delivery stream writes (about one every five minutes): the queue carries references,
// never events, so its requests do not grow with the events. Small batches and no batching window
// keep the near-time path's latency at the delivery stream's buffering interval.
export const QUEUES: Readonly<Record<QueueName, QueueSpec>> = {
  'ingest-objects': {
    name: 'ingest-objects',
    description: "S3 notifications of the objects the delivery stream writes -> ingest (the indexer)",
    batchSize: 10,
    maximumBatchingWindowInSeconds: 0,
    maximumConcurrency: 5,
    maxReceiveCount: 5,
  },
};

/**
 * AWS: a queue a Lambda function drains needs a visibility timeout of at least 6 times the function's
 * timeout, or a message can come back while the batch holding it is still being processed.
 */
export const VISIBILITY_TIMEOUT_FACTOR = 6;

/** The visibility timeout a queue needs for a consumer with this timeout. */
export function visibilityTimeoutFor(consumerTimeoutSeconds: number): number {
  return VISIBILITY_TIMEOUT_FACTOR * consumerTimeoutSeconds;
}
