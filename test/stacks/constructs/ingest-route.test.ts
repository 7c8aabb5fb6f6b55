/** IngestRoute alone: the rule's target and its retries, and the bucket's notification of the delivery stream's objects. */
import { Testing } from 'cdktf';
import { DELIVERY_STREAM } from '../../../src/pipeline/delivery';
import { EncryptedQueue } from '../../../stacks/constructs/encrypted-queue';
import { IngestRoute, type IngestRouteProps } from '../../../stacks/constructs/ingest-route';
import { emptyStack } from './support';

function route(props: Partial<IngestRouteProps> = {}) {
  const stack = emptyStack();
  const queue = new EncryptedQueue(stack, 'objects', { name: 'objects', kmsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/k', visibilityTimeoutSeconds: 360, maxReceiveCount: 5 });
  const r = new IngestRoute(stack, 'ingest', {
    busName: 'bus',
    ruleName: 'rule',
    deliveryStreamArn: 'arn:aws:firehose:eu-west-1:111111111111:deliverystream/events',
    account: '111111111111',
    bucketName: 'vigil-test-111111111111',
    bucketArn: 'arn:aws:s3:::vigil-test-111111111111',
    objectsQueue: queue,
    deliveryDeadLetterQueueArn: 'arn:aws:sqs:eu-west-1:111111111111:delivery-dlq',
    ...props,
  });
  return { route: r, synth: JSON.parse(Testing.synth(stack)) };
}

describe('IngestRoute', () => {
  it('given the route, when synthesized, then the rule targets the delivery stream through a role that may only put records on it', () => {
    const { synth } = route();
    const target = Object.values(synth.resource.aws_cloudwatch_event_target)[0] as Record<string, unknown>;
    expect(target.arn).toBe('arn:aws:firehose:eu-west-1:111111111111:deliverystream/events');
    expect(target.role_arn).toMatch(/aws_iam_role\./);
    const statements = (Object.values(synth.data.aws_iam_policy_document) as Array<{ statement: Array<{ actions: string[]; resources?: string[] }> }>).flatMap((d) => d.statement);
    expect(statements).toContainEqual(expect.objectContaining({ actions: ['firehose:PutRecord', 'firehose:PutRecordBatch'], resources: ['arn:aws:firehose:eu-west-1:111111111111:deliverystream/events'] }));
  });

  it("given the route, when synthesized, then the bucket notifies the objects queue of the delivery stream's objects only, and only the bucket may send to it", () => {
    const { synth } = route();
    const notification = Object.values(synth.resource.aws_s3_bucket_notification)[0] as { queue: Array<{ filter_prefix: string; events: string[] }> };
    expect(notification.queue).toEqual([expect.objectContaining({ filter_prefix: DELIVERY_STREAM.notificationPrefix, events: ['s3:ObjectCreated:*'] })]);
    const statements = (Object.values(synth.data.aws_iam_policy_document) as Array<{ statement: Array<{ principals?: Array<{ identifiers: string[] }>; condition?: Array<{ values: string[] }> }> }>).flatMap((d) => d.statement);
    expect(statements).toContainEqual(expect.objectContaining({ principals: [expect.objectContaining({ identifiers: ['s3.amazonaws.com'] })], condition: [expect.objectContaining({ values: ['arn:aws:s3:::vigil-test-111111111111'] })] }));
  });

  it.each([
    ['a target retried for over a day', { retry: { maximumEventAgeInSeconds: 86_401 } }, /retry\.maximumEventAgeInSeconds must be a whole number from 60 to 86400/],
    ['a target retried over 185 times', { retry: { maximumRetryAttempts: 186 } }, /retry\.maximumRetryAttempts must be a whole number from 0 to 185/],
  ])('given %s, when constructed, then it fails naming the setting', (_what, props, message) => {
    expect(() => route(props)).toThrow(message);
  });
});
