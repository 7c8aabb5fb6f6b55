/** IngestRoute alone: the buffer it drains must suit the ingest function, and the poller settings their ranges. */
import { LAMBDAS } from '../../../src/pipeline/lambdas';
import { QUEUES } from '../../../src/pipeline/queues';
import { EncryptedQueue } from '../../../stacks/constructs/encrypted-queue';
import { IngestRoute, type IngestRouteProps } from '../../../stacks/constructs/ingest-route';
import { emptyStack, pipelineFunction } from './support';

const INGEST_TIMEOUT = LAMBDAS.ingest.timeoutSeconds!;

function route(buffer: { visibilityTimeoutSeconds?: number; maxReceiveCount?: number } = {}, props: Partial<IngestRouteProps> = {}): IngestRoute {
  const stack = emptyStack();
  const queue = new EncryptedQueue(stack, 'buffer', { name: 'buffer', kmsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/k', visibilityTimeoutSeconds: 6 * INGEST_TIMEOUT, maxReceiveCount: 5, ...buffer });
  return new IngestRoute(stack, 'ingest', {
    busName: 'bus',
    ruleName: 'rule',
    buffer: queue,
    ingest: pipelineFunction(stack),
    deliveryDeadLetterQueueArn: 'arn:aws:sqs:eu-west-1:111111111111:delivery-dlq',
    ...props,
  });
}

describe('IngestRoute', () => {
  it("given a buffer hidden exactly 6 times the ingest function's timeout, when constructed, then it is accepted", () => {
    expect(() => route({ visibilityTimeoutSeconds: 6 * INGEST_TIMEOUT })).not.toThrow();
  });

  it("given a buffer hidden less than 6 times the ingest function's timeout, when constructed, then it fails with both figures", () => {
    expect(() => route({ visibilityTimeoutSeconds: 6 * INGEST_TIMEOUT - 1 })).toThrow(
      `test/ingest: the buffer's visibility timeout (${6 * INGEST_TIMEOUT - 1} s) must be at least 6 times the ingest function's timeout (${INGEST_TIMEOUT} s): ${6 * INGEST_TIMEOUT} s`,
    );
  });

  it('given a buffer without a dead-letter queue, when constructed, then it fails', () => {
    expect(() => route({ maxReceiveCount: undefined })).toThrow(/test\/ingest: the buffer needs a dead-letter queue/);
  });

  it('given no poller settings, when constructed, then the mapping uses the ingest buffer consumer settings', () => {
    const mapping = route().eventSourceMapping;
    const consumer = QUEUES['ingest-buffer'];
    expect(mapping.batchSizeInput).toBe(consumer.batchSize);
    expect(mapping.maximumBatchingWindowInSecondsInput).toBe(consumer.maximumBatchingWindowInSeconds);
    expect(mapping.scalingConfigInput).toMatchObject({ maximumConcurrency: consumer.maximumConcurrency });
  });

  it.each([
    ['a batch of none', { batchSize: 0 }, /batchSize must be a whole number from 1 to 10000, got 0/],
    ['a batching window over 5 minutes', { maximumBatchingWindowInSeconds: 301 }, /maximumBatchingWindowInSeconds must be a whole number from 0 to 300, got 301/],
    ['a batch over 10 without a batching window', { batchSize: 11, maximumBatchingWindowInSeconds: 0 }, /a batchSize over 10 \(11\) needs a maximumBatchingWindowInSeconds of at least 1/],
    ['a concurrency of 1', { maximumConcurrency: 1 }, /maximumConcurrency must be a whole number from 2 to 1000, got 1/],
    ['a target retried for over a day', { retry: { maximumEventAgeInSeconds: 86_401 } }, /retry\.maximumEventAgeInSeconds must be a whole number from 60 to 86400/],
    ['a target retried over 185 times', { retry: { maximumRetryAttempts: 186 } }, /retry\.maximumRetryAttempts must be a whole number from 0 to 185/],
  ])('given %s, when constructed, then it fails naming the setting', (_what, props, message) => {
    expect(() => route({}, props)).toThrow(message);
  });

  it('given a batch of 10 without a batching window, when constructed, then it is accepted', () => {
    expect(() => route({}, { batchSize: 10, maximumBatchingWindowInSeconds: 0 })).not.toThrow();
  });
});
