/**
 * What a synthesized stack's Terraform references would be once deployed: `${aws_sqs_queue.x.arn}` becomes
 * `arn:aws:sqs:<region>:<account>:vigil-<tenant>-...`, built from the resource's own configuration and the
 * tenant's account and region (the ARN formats of the IAM service reference). The key id, known only to
 * AWS, is a stable stand-in derived from the tenant. For the IAM simulation and the ASL validation.
 */
import { createHash } from 'node:crypto';
import type { Tenant } from '../../../src/tenants/schema';
import { TenantArns } from '../../../stacks/naming';
import type { TfJson } from '../support';

type Config = Record<string, any>;

/** ARN of a resource of each type, from its configuration (attributes already resolved). */
const ARNS: Record<string, (arns: TenantArns, attr: (name: string) => string) => string> = {
  aws_dynamodb_table: (a, attr) => a.arn('dynamodb', `table/${attr('name')}`),
  aws_sqs_queue: (a, attr) => a.arn('sqs', attr('name')),
  aws_sns_topic: (a, attr) => a.topic(attr('name')),
  aws_s3_bucket: (a, attr) => `arn:${a.partition}:s3:::${attr('bucket')}`,
  aws_kms_key: (a, attr) => a.arn('kms', `key/${attr('key_id')}`),
  aws_lambda_function: (a, attr) => a.arn('lambda', `function:${attr('function_name')}`),
  aws_cloudwatch_log_group: (a, attr) => a.logGroup(attr('name')),
  aws_sfn_state_machine: (a, attr) => a.stateMachine(attr('name')),
  aws_cloudwatch_event_bus: (a, attr) => a.eventBus(attr('name')),
  aws_cloudwatch_event_rule: (a, attr) => a.rule(attr('event_bus_name'), attr('name')),
  aws_cloudwatch_event_archive: (a, attr) => a.arn('events', `archive/${attr('name')}`),
  aws_iam_role: (a, attr) => `arn:${a.partition}:iam::${a.account}:role/${attr('name')}`,
  aws_scheduler_schedule_group: (a, attr) => a.scheduleGroup(attr('name')),
  aws_cloudwatch_metric_alarm: (a, attr) => a.alarm(attr('alarm_name')),
  aws_kinesis_firehose_delivery_stream: (a, attr) => a.arn('firehose', `deliverystream/${attr('name')}`),
  // Secrets Manager appends 6 random characters to a secret's name in its ARN.
  aws_secretsmanager_secret: (a, attr) => a.arn('secretsmanager', `secret:${attr('name')}-AbCdEf`),
};

/** Attributes AWS computes, other than `arn`. */
const COMPUTED: Record<string, (arns: TenantArns, attr: (name: string) => string, tenant: Tenant) => string> = {
  'aws_kms_key.key_id': (_a, _attr, tenant) => stableUuid(tenant.id),
  'aws_iam_role.id': (_a, attr) => attr('name'),
  'aws_s3_bucket.id': (_a, attr) => attr('bucket'),
  'aws_sqs_queue.id': (a, attr) => `https://sqs.${a.region}.amazonaws.com/${a.account}/${attr('name')}`,
  'aws_sqs_queue.url': (a, attr) => `https://sqs.${a.region}.amazonaws.com/${a.account}/${attr('name')}`,
};

export class Resolver {
  private readonly arns: TenantArns;
  constructor(
    private readonly json: TfJson,
    private readonly tenant: Tenant,
  ) {
    this.arns = new TenantArns(tenant.aws.region, tenant.aws.accountId);
  }

  /** `value` with every `${type.name.attribute}` in it replaced, deeply (strings, lists, objects). */
  resolve<T>(value: T): T {
    if (typeof value === 'string') return value.replace(/\$\{((?:data\.)?[a-z0-9_]+)\.([A-Za-z0-9_-]+)\.([a-z_]+)\}/g, (_, type: string, name: string, attribute: string) => this.attribute(type, name, attribute)) as T;
    if (Array.isArray(value)) return value.map((v) => this.resolve(v)) as T;
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.resolve(v)])) as T;
    return value;
  }

  /** The value of one attribute of one resource of the stack, as deployed. */
  attribute(type: string, name: string, attribute: string): string {
    const config: Config | undefined = this.json.resource?.[type]?.[name];
    if (!config) throw new Error(`no resource ${type}.${name} in the stack`);
    const attr = (a: string) => this.attribute(type, name, a);
    const computed = COMPUTED[`${type}.${attribute}`];
    if (computed) return computed(this.arns, attr, this.tenant);
    if (attribute === 'arn') {
      const arn = ARNS[type];
      if (!arn) throw new Error(`no ARN format for ${type} (add it to ARNS)`);
      return arn(this.arns, attr);
    }
    const literal = config[attribute];
    if (typeof literal !== 'string') throw new Error(`${type}.${name}.${attribute} is not known before apply`);
    return this.resolve(literal);
  }
}

/** A UUID-shaped id that stays the same for a tenant (KMS key ids are UUIDs). */
function stableUuid(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
