/** QueueConsumer alone: the queue it drains must suit its consumer, and the poller settings their ranges. */
import { LAMBDAS } from '../../../src/pipeline/lambdas';
import { QUEUES, type QueueSpec } from '../../../src/pipeline/queues';
import { EncryptedQueue } from '../../../stacks/constructs/encrypted-queue';
import { QueueConsumer } from '../../../stacks/constructs/queue-consumer';
import { emptyStack, pipelineFunction } from './support';

const INGEST_TIMEOUT = LAMBDAS.ingest.timeoutSeconds!;
const SPEC = QUEUES['ingest-objects'];

function consumer(queue: { visibilityTimeoutSeconds?: number; maxReceiveCount?: number } = {}, spec: Partial<QueueSpec> = {}): QueueConsumer {
  const stack = emptyStack();
  const q = new EncryptedQueue(stack, 'objects', { name: 'objects', kmsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/k', visibilityTimeoutSeconds: 6 * INGEST_TIMEOUT, maxReceiveCount: 5, ...queue });
  return new QueueConsumer(stack, 'consumer', { queue: q, consumer: pipelineFunction(stack), spec: { ...SPEC, ...spec } });
}

describe('QueueConsumer', () => {
  it("given a queue hidden exactly 6 times its consumer's timeout, when constructed, then it is accepted", () => {
    expect(() => consumer({ visibilityTimeoutSeconds: 6 * INGEST_TIMEOUT })).not.toThrow();
  });

  it("given a queue hidden less than 6 times its consumer's timeout, when constructed, then it fails with both figures", () => {
    expect(() => consumer({ visibilityTimeoutSeconds: 6 * INGEST_TIMEOUT - 1 })).toThrow(
      `test/consumer: ingest-objects's visibility timeout (${6 * INGEST_TIMEOUT - 1} s) must be at least 6 times its consumer's timeout (${INGEST_TIMEOUT} s): ${6 * INGEST_TIMEOUT} s`,
    );
  });

  it('given a queue without a dead-letter queue, when constructed, then it fails', () => {
    expect(() => consumer({ maxReceiveCount: undefined })).toThrow(/test\/consumer: ingest-objects needs a dead-letter queue/);
  });

  it("given the queue's spec, when constructed, then the mapping drains it with those settings and reports partial batch failures", () => {
    const mapping = consumer().eventSourceMapping;
    expect(mapping.batchSizeInput).toBe(SPEC.batchSize);
    expect(mapping.maximumBatchingWindowInSecondsInput).toBe(SPEC.maximumBatchingWindowInSeconds);
    expect(mapping.scalingConfigInput).toMatchObject({ maximumConcurrency: SPEC.maximumConcurrency });
    expect(mapping.functionResponseTypesInput).toEqual(['ReportBatchItemFailures']);
  });

  it.each([
    ['a batch of none', { batchSize: 0 }, /batchSize must be a whole number from 1 to 10000, got 0/],
    ['a batching window over 5 minutes', { maximumBatchingWindowInSeconds: 301 }, /maximumBatchingWindowInSeconds must be a whole number from 0 to 300, got 301/],
    ['a batch over 10 without a batching window', { batchSize: 11, maximumBatchingWindowInSeconds: 0 }, /a batchSize over 10 \(11\) needs a maximumBatchingWindowInSeconds of at least 1/],
    ['a concurrency of 1', { maximumConcurrency: 1 }, /maximumConcurrency must be a whole number from 2 to 1000, got 1/],
  ])('given %s, when constructed, then it fails naming the setting', (_what, spec, message) => {
    expect(() => consumer({}, spec)).toThrow(message);
  });

  it('given a batch of 10 without a batching window, when constructed, then it is accepted', () => {
    expect(() => consumer({}, { batchSize: 10, maximumBatchingWindowInSeconds: 0 })).not.toThrow();
  });
});
