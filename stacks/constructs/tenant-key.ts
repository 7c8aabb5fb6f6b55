/**
 * The tenant's KMS key: one customer managed key encrypts everything the tenant's pipeline stores (bus,
 * archive, queues, topic, tables, logs, state machine, schedules, Lambda environment).
 *
 * The key policy names the resources it serves by ARN built from the tenant (see ../naming), so the key
 * can be created first and every other resource can refer to it. Every ARN is exact (the rules, the alarms,
 * the log groups): no pattern that another tenant's resources in the same account could match. Actions are
 * named one by one; the account root's `kms:*` is AWS's default statement that lets IAM policies grant use
 * of the key (without it the key can become unmanageable).
 */
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { Construct } from 'constructs';
import type { TenantArns, TenantNames } from '../naming';
import { check, checkInteger } from './checks';
import { condition, policyDocument } from './policy';

export interface TenantKeyProps {
  /** The tenant's resource names: the key policy names the resources it serves. */
  readonly names: TenantNames;
  readonly arns: TenantArns;
  /** The tenant's bucket: S3 sends its object notifications to an encrypted queue. */
  readonly bucketName: string;
  /** The rules on the tenant's bus whose targets or dead-letter queues are encrypted queues. */
  readonly ruleNames: readonly string[];
  /** The alarms that publish to the (encrypted) operations topic. */
  readonly alarmNames: readonly string[];
  /** The log groups encrypted with the key. */
  readonly logGroupNames: readonly string[];
  /** Waiting period before a deleted key is destroyed (7-30 days). @default 30 */
  readonly deletionWindowInDays?: number;
}

export class TenantKey extends Construct {
  readonly key: KmsKey;
  readonly alias: KmsAlias;

  constructor(scope: Construct, id: string, props: TenantKeyProps) {
    super(scope, id);
    checkInteger(this, 'deletionWindowInDays', props.deletionWindowInDays, 7, 30);
    check(this, props.ruleNames.length > 0 && props.alarmNames.length > 0 && props.logGroupNames.length > 0, 'ruleNames, alarmNames and logGroupNames must each name at least one resource');
    const { names, arns } = props;
    const busArn = arns.eventBus(names.eventBus);
    const sourceAccount = condition('StringEquals', 'aws:SourceAccount', arns.account);

    const policy = policyDocument(this, 'policy', [
      {
        sid: 'AccountRootAdministers',
        principals: [{ type: 'AWS', identifiers: [arns.accountRoot] }],
        actions: ['kms:*'],
        resources: ['*'],
      },
      {
        sid: 'EventBridgeDescribesKey',
        principals: [{ type: 'Service', identifiers: ['events.amazonaws.com'] }],
        actions: ['kms:DescribeKey'],
        resources: ['*'],
      },
      {
        // Events on the partner bus and in its archive: encryption context is the bus ARN.
        sid: 'EventBridgeEncryptsBusAndArchive',
        principals: [{ type: 'Service', identifiers: ['events.amazonaws.com'] }],
        actions: ['kms:GenerateDataKey', 'kms:Decrypt', 'kms:ReEncryptFrom', 'kms:ReEncryptTo'],
        resources: ['*'],
        condition: [condition('StringEquals', 'kms:EncryptionContext:aws:events:event-bus:arn', busArn)],
      },
      {
        // Rule targets and dead-letter queues are KMS-encrypted SQS queues.
        sid: 'EventBridgeSendsToEncryptedQueues',
        principals: [{ type: 'Service', identifiers: ['events.amazonaws.com'] }],
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: ['*'],
        condition: [sourceAccount, condition('ArnEquals', 'aws:SourceArn', busArn, ...props.ruleNames.map((rule) => arns.rule(names.eventBus, rule)))],
      },
      {
        sid: 'SnsUsesKeyForTenantTopic',
        principals: [{ type: 'Service', identifiers: ['sns.amazonaws.com'] }],
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: ['*'],
        condition: [sourceAccount, condition('ArnEquals', 'aws:SourceArn', arns.topic(names.findingsTopic), arns.topic(names.opsTopic))],
      },
      {
        sid: 'CloudWatchAlarmsPublishToEncryptedOpsTopic',
        principals: [{ type: 'Service', identifiers: ['cloudwatch.amazonaws.com'] }],
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: ['*'],
        condition: [sourceAccount, condition('ArnEquals', 'aws:SourceArn', ...props.alarmNames.map((alarm) => arns.alarm(alarm)))],
      },
      {
        // The bucket notifies the (encrypted) ingest queue of each object the delivery stream writes.
        sid: 'S3NotifiesEncryptedQueue',
        principals: [{ type: 'Service', identifiers: ['s3.amazonaws.com'] }],
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: ['*'],
        condition: [sourceAccount, condition('ArnEquals', 'aws:SourceArn', `arn:${arns.partition}:s3:::${props.bucketName}`)],
      },
      {
        sid: 'SqsUsesKeyInAccount',
        principals: [{ type: 'Service', identifiers: ['sqs.amazonaws.com'] }],
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: ['*'],
        condition: [sourceAccount],
      },
      {
        // CloudWatch Logs encrypts only the tenant's own log groups with this key.
        sid: 'CloudWatchLogsEncryptsTenantLogGroups',
        principals: [{ type: 'Service', identifiers: [arns.regionalPrincipal('logs')] }],
        // AWS documents these as Encrypt*, Decrypt*, ReEncrypt*, GenerateDataKey*, Describe*: the same actions, named.
        actions: [
          'kms:Encrypt',
          'kms:Decrypt',
          'kms:ReEncryptFrom',
          'kms:ReEncryptTo',
          'kms:GenerateDataKey',
          'kms:GenerateDataKeyWithoutPlaintext',
          'kms:GenerateDataKeyPair',
          'kms:GenerateDataKeyPairWithoutPlaintext',
          'kms:DescribeKey',
        ],
        resources: ['*'],
        condition: [condition('ArnEquals', 'kms:EncryptionContext:aws:logs:arn', ...props.logGroupNames.map((group) => arns.logGroup(group)))],
      },
      {
        // Vended-log delivery of the (CMK-encrypted) state machine's execution logs.
        sid: 'LogDeliveryDecryptsStateMachineLogs',
        principals: [{ type: 'Service', identifiers: ['delivery.logs.amazonaws.com'] }],
        actions: ['kms:Decrypt'],
        resources: ['*'],
        condition: [sourceAccount],
      },
    ]);

    this.key = new KmsKey(this, 'key', {
      description: `Vigil ${names.prefix}: encrypts the tenant's events, queues, topic, tables, logs, workflow and schedules`,
      enableKeyRotation: true,
      deletionWindowInDays: props.deletionWindowInDays ?? 30,
      policy: policy.json,
    });
    this.alias = new KmsAlias(this, 'alias', { name: names.keyAlias, targetKeyId: this.key.keyId });
  }

  get arn(): string {
    return this.key.arn;
  }
}
