/** TenantBucket alone: encrypted with the tenant key, never public, TLS only, each area expired after the retention. */
import { Testing } from 'cdktf';
import { OBJECT_AREAS } from '../../../src/pipeline/buckets';
import { TenantBucket } from '../../../stacks/constructs/tenant-bucket';
import { emptyStack } from './support';

const KEY = 'arn:aws:kms:eu-west-1:111111111111:key/test';

function synth(retentionDays = 30) {
  const stack = emptyStack();
  new TenantBucket(stack, 'objects', { bucketName: 'vigil-acme-111111111111', kmsKeyArn: KEY, retentionDays });
  return JSON.parse(Testing.synth(stack));
}

const only = (resources: Record<string, unknown>) => Object.values(resources)[0] as Record<string, any>;

describe('TenantBucket', () => {
  it('given a bucket, when synthesized, then objects are encrypted with the tenant key through an S3 Bucket Key', () => {
    expect(only(synth().resource.aws_s3_bucket_server_side_encryption_configuration).rule).toEqual([{ apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms', kms_master_key_id: KEY }, bucket_key_enabled: true }]);
  });

  it('given a bucket, when synthesized, then public access is blocked in every way and ACLs are off', () => {
    const json = synth();
    expect(only(json.resource.aws_s3_bucket_public_access_block)).toMatchObject({ block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true });
    expect(only(json.resource.aws_s3_bucket_ownership_controls).rule).toEqual({ object_ownership: 'BucketOwnerEnforced' });
  });

  it('given a bucket, when synthesized, then its policy denies every request that is not over TLS', () => {
    const statement = only(synth().data.aws_iam_policy_document).statement;
    expect(statement).toEqual([expect.objectContaining({ effect: 'Deny', actions: ['s3:*'], condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }] })]);
  });

  it('given a retention of 45 days, when synthesized, then every area of the bucket expires its objects after 45 days', () => {
    const rules = only(synth(45).resource.aws_s3_bucket_lifecycle_configuration).rule;
    expect(rules.map((r: { filter: Array<{ prefix: string }> }) => r.filter[0].prefix)).toEqual(Object.values(OBJECT_AREAS).map((a) => a.prefix));
    for (const r of rules) expect(r.expiration).toEqual([{ days: 45 }]);
  });

  it.each([0, 3651])('given a retention of %p days, when constructed, then it fails', (days) => {
    expect(() => synth(days)).toThrow(`test/objects: retentionDays must be a whole number from 1 to 3650, got ${days}`);
  });
});
