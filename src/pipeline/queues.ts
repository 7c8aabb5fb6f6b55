/**
 * The SQS queues a function drains, and how it drains them: defined once for the stack (the queue's
 * redrive policy and visibility timeout, the event source mapping) and for the local runtime's queue.
 */

export type QueueName = 'ingest-buffer';

export interface QueueSpec {
  /** Logical name; the deployed queue is `vigil-<tenant>-<name>`, its dead-letter queue `<that>-dlq`. */
  readonly name: QueueName;
  /** Records per invocation of the consumer. */
  readonly batchSize: number;
  /** Seconds the poller may wait to fill a batch. */
  readonly maximumBatchingWindowInSeconds: number;
  /** Concurrent invocations the poller may run (2-1000). */
  readonly maximumConcurrency: number;
  /** Receives of a message before SQS moves it to the queue's dead-letter queue. */
  readonly maxReceiveCount: number;
}

export const QUEUES: Readonly<Record<QueueName, QueueSpec>> = {
  // Ingest writes a chunk object, a reference and an hour update per hour per batch: at a tenant's
  // usual rate (a few events a second) the batching window, not the size, ends a batch, so the longest
  // window (5 minutes, well inside the hourly grace period) makes each batch hundreds of events, not a
  // handful. (1,000 records of a few KB stay under Lambda's 6 MB invocation payload.)
  'ingest-buffer': {
    name: 'ingest-buffer',
    batchSize: 1000,
    maximumBatchingWindowInSeconds: 300,
    maximumConcurrency: 10,
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
