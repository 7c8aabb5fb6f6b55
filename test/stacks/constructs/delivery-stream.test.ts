/** EventDeliveryStream alone: the one spec's buffering and prefixes, encryption, and its checks. */
import { Testing } from 'cdktf';
import { DELIVERY_STREAM, type DeliveryStreamSpec } from '../../../src/pipeline/delivery';
import { EventDeliveryStream } from '../../../stacks/constructs/delivery-stream';
import { emptyStack } from './support';

function stream(spec?: Partial<DeliveryStreamSpec>) {
  const stack = emptyStack();
  new EventDeliveryStream(stack, 'delivery', {
    streamName: 'vigil-test-events',
    bucketArn: 'arn:aws:s3:::vigil-test-111111111111',
    kmsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/k',
    account: '111111111111',
    logGroupName: '/aws/kinesisfirehose/vigil-test-events',
    spec: spec && { ...DELIVERY_STREAM, ...spec },
  });
  return JSON.parse(Testing.synth(stack));
}

describe('EventDeliveryStream', () => {
  it('given the default spec, when synthesized, then the stream buffers, prefixes, compresses and delimits as DELIVERY_STREAM says, encrypted with the tenant key', () => {
    const s = Object.values(stream().resource.aws_kinesis_firehose_delivery_stream)[0] as Record<string, any>;
    expect(s.server_side_encryption).toEqual({ enabled: true, key_type: 'CUSTOMER_MANAGED_CMK', key_arn: 'arn:aws:kms:eu-west-1:111111111111:key/k' });
    expect(s.extended_s3_configuration).toMatchObject({
      buffering_interval: DELIVERY_STREAM.bufferingIntervalSeconds,
      buffering_size: DELIVERY_STREAM.bufferingSizeMb,
      prefix: DELIVERY_STREAM.prefix,
      error_output_prefix: DELIVERY_STREAM.errorOutputPrefix,
      compression_format: 'GZIP',
      processing_configuration: { enabled: true, processors: [{ type: 'AppendDelimiterToRecord' }] },
    });
  });

  it("given the stream's role, when synthesized, then it may write only the events and delivery-errors areas", () => {
    const docs = Object.values(stream().data.aws_iam_policy_document) as Array<{ statement: Array<{ sid: string; resources: string[] }> }>;
    const write = docs.flatMap((d) => d.statement).find((st) => st.sid === 'WriteEventObjects')!;
    expect(write.resources).toEqual(['arn:aws:s3:::vigil-test-111111111111/events/*', 'arn:aws:s3:::vigil-test-111111111111/delivery-errors/*']);
  });

  it.each([
    ['an interval over 15 minutes', { bufferingIntervalSeconds: 901 }, /spec\.bufferingIntervalSeconds must be a whole number from 0 to 900, got 901/],
    ['a buffer over 128 MiB', { bufferingSizeMb: 129 }, /spec\.bufferingSizeMb must be a whole number from 1 to 128, got 129/],
    ['a delimiter the processor does not append', { recordDelimiter: ',' }, /spec\.recordDelimiter must be a newline/],
  ])('given %s, when constructed, then it fails naming the setting', (_what, spec, message) => {
    expect(() => stream(spec)).toThrow(message);
  });
});
