/**
 * The tenant's bucket (src/pipeline/buckets.ts): the tenant key with an S3 Bucket Key (one KMS call per
 * data key, not per object), public access blocked, owner-enforced objects, TLS-only access, and each
 * area's objects expired after the tenant's retention.
 */
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { Construct } from 'constructs';
import { OBJECT_AREAS } from '../../src/pipeline/buckets';
import { checkInteger } from './checks';
import { condition, policyDocument } from './policy';

export interface TenantBucketProps {
  readonly bucketName: string;
  readonly kmsKeyArn: string;
  /** Days each area's objects are kept (1-3650). */
  readonly retentionDays: number;
}

export class TenantBucket extends Construct {
  readonly bucket: S3Bucket;

  constructor(scope: Construct, id: string, props: TenantBucketProps) {
    super(scope, id);
    checkInteger(this, 'retentionDays', props.retentionDays, 1, 3650);
    // No forceDestroy: `terraform destroy` refuses a bucket that still holds the tenant's objects.
    this.bucket = new S3Bucket(this, 'bucket', { bucket: props.bucketName });
    const bucket = this.bucket.id;

    new S3BucketPublicAccessBlock(this, 'public-access', { bucket, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
    new S3BucketOwnershipControls(this, 'ownership', { bucket, rule: { objectOwnership: 'BucketOwnerEnforced' } });
    new S3BucketServerSideEncryptionConfigurationA(this, 'encryption', {
      bucket,
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: props.kmsKeyArn }, bucketKeyEnabled: true }],
    });
    new S3BucketLifecycleConfiguration(this, 'lifecycle', {
      bucket,
      rule: Object.values(OBJECT_AREAS).map((area) => ({
        id: `expire-${area.name}`,
        status: 'Enabled',
        filter: [{ prefix: area.prefix }],
        expiration: [{ days: props.retentionDays }],
        abortIncompleteMultipartUpload: [{ daysAfterInitiation: 1 }],
      })),
    });
    new S3BucketPolicy(this, 'policy', {
      bucket,
      policy: policyDocument(this, 'policy-document', [
        {
          sid: 'DenyInsecureTransport',
          effect: 'Deny',
          principals: [{ type: '*', identifiers: ['*'] }],
          actions: ['s3:*'],
          resources: [this.bucket.arn, `${this.bucket.arn}/*`],
          condition: [condition('Bool', 'aws:SecureTransport', 'false')],
        },
      ]).json,
    });
  }

  get arn(): string {
    return this.bucket.arn;
  }
  get name(): string {
    return this.bucket.bucket;
  }
}
