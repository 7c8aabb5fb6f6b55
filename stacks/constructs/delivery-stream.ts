/**
 * The delivery stream (src/pipeline/delivery.ts): Amazon Data Firehose writes the events the ingest rule
 * sends it, gzip NDJSON (one record a line), to the events area of the tenant's bucket under the hour they
 * arrived, one object per buffer. Encrypted at rest with the tenant key (the stream's buffer, and the
 * objects through the bucket's default encryption); its own role may write only the events and
 * delivery-errors areas, and its delivery errors are logged to a log group of its own.
 *
 * Checked at construction: buffering within Firehose's ranges (interval 0-900 s, size 1-128 MiB), and a
 * newline record delimiter (what the processor appends).
 */
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { CloudwatchLogStream } from '@cdktf/provider-aws/lib/cloudwatch-log-stream';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { KinesisFirehoseDeliveryStream } from '@cdktf/provider-aws/lib/kinesis-firehose-delivery-stream';
import { Construct } from 'constructs';
import { OBJECT_AREAS } from '../../src/pipeline/buckets';
import { DELIVERY_STREAM, type DeliveryStreamSpec } from '../../src/pipeline/delivery';
import { check, checkInteger, checkLogRetention } from './checks';
import { assumeRolePolicy, condition, policyDocument } from './policy';

export interface EventDeliveryStreamProps {
  readonly streamName: string;
  /** The tenant's bucket (src/pipeline/buckets.ts). */
  readonly bucketArn: string;
  readonly kmsKeyArn: string;
  /** The tenant's account: only Firehose acting for it may assume the stream's role. */
  readonly account: string;
  readonly logGroupName: string;
  /** Days the delivery error logs are kept: one of CloudWatch Logs' retention periods. @default 30 */
  readonly logRetentionDays?: number;
  /** Buffering, prefixes, compression and record delimiter. @default DELIVERY_STREAM */
  readonly spec?: DeliveryStreamSpec;
}

export class EventDeliveryStream extends Construct {
  readonly stream: KinesisFirehoseDeliveryStream;
  readonly role: IamRole;

  constructor(scope: Construct, id: string, props: EventDeliveryStreamProps) {
    super(scope, id);
    const spec = props.spec ?? DELIVERY_STREAM;
    checkInteger(this, 'spec.bufferingIntervalSeconds', spec.bufferingIntervalSeconds, 0, 900);
    checkInteger(this, 'spec.bufferingSizeMb', spec.bufferingSizeMb, 1, 128);
    checkLogRetention(this, 'logRetentionDays', props.logRetentionDays);
    check(this, spec.recordDelimiter === '\n', `spec.recordDelimiter must be a newline (what AppendDelimiterToRecord appends), got ${JSON.stringify(spec.recordDelimiter)}`);

    const logGroup = new CloudwatchLogGroup(this, 'logs', { name: props.logGroupName, retentionInDays: props.logRetentionDays ?? 30, kmsKeyId: props.kmsKeyArn });
    const logStream = new CloudwatchLogStream(this, 'log-stream', { name: 'DestinationDelivery', logGroupName: logGroup.name });

    const areas = [OBJECT_AREAS.events.prefix, OBJECT_AREAS['delivery-errors'].prefix];
    this.role = new IamRole(this, 'role', {
      name: props.streamName,
      description: 'Vigil delivery stream: writes events to the tenant bucket',
      assumeRolePolicy: assumeRolePolicy(this, 'trust', 'firehose.amazonaws.com', [condition('StringEquals', 'aws:SourceAccount', props.account)]).json,
    });
    const policy = new IamRolePolicy(this, 'policy', {
      name: 'least-privilege',
      role: this.role.id,
      policy: policyDocument(this, 'permissions', [
        { sid: 'WriteEventObjects', actions: ['s3:PutObject', 's3:AbortMultipartUpload'], resources: areas.map((prefix) => `${props.bucketArn}/${prefix}*`) },
        { sid: 'LocateBucket', actions: ['s3:GetBucketLocation', 's3:ListBucketMultipartUploads'], resources: [props.bucketArn] },
        // The bucket's default encryption is the tenant key (with an S3 Bucket Key).
        {
          sid: 'EncryptObjectsWithTenantKey',
          actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
          resources: [props.kmsKeyArn],
          condition: [condition('StringLike', 'kms:ViaService', 's3.*.amazonaws.com')],
        },
        { sid: 'LogDeliveryErrors', actions: ['logs:PutLogEvents'], resources: [`${logGroup.arn}:*`] },
      ]).json,
    });

    this.stream = new KinesisFirehoseDeliveryStream(this, 'stream', {
      name: props.streamName,
      destination: 'extended_s3',
      serverSideEncryption: { enabled: true, keyType: 'CUSTOMER_MANAGED_CMK', keyArn: props.kmsKeyArn },
      extendedS3Configuration: {
        roleArn: this.role.arn,
        bucketArn: props.bucketArn,
        prefix: spec.prefix,
        errorOutputPrefix: spec.errorOutputPrefix,
        bufferingInterval: spec.bufferingIntervalSeconds,
        bufferingSize: spec.bufferingSizeMb,
        compressionFormat: spec.compression,
        processingConfiguration: {
          enabled: true,
          // Without parameters the processor appends a newline, the delimiter the readers split on.
          processors: [{ type: 'AppendDelimiterToRecord' }],
        },
        cloudwatchLoggingOptions: { enabled: true, logGroupName: logGroup.name, logStreamName: logStream.name },
      },
      // Firehose checks the role when the stream is created.
      dependsOn: [policy],
    });
  }

  get arn(): string {
    return this.stream.arn;
  }
}
