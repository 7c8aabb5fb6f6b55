/**
 * Names and ARNs of one tenant's resources, derived from the tenant alone (no Terraform references).
 *
 * Policies that must exist before the resources they protect (the KMS key policy, trust policies)
 * name those resources by ARN built here, so there are no dependency cycles; everything else refers to
 * the resources themselves.
 */
import { createHash } from 'node:crypto';
import { partitionOfRegion, type Partition } from '../src/aws/regions';
import { secretName, type SecretName } from '../src/pipeline/secrets';
import { eventSourceName, type Tenant } from '../src/tenants/schema';

/** The ARN partition of a region: `aws`, `aws-cn` (China) or `aws-us-gov` (GovCloud); a region that does not exist is an error. */
export function partitionOf(region: string): Partition {
  const partition = partitionOfRegion(region);
  if (!partition) throw new Error(`unknown AWS region ${JSON.stringify(region)}`);
  return partition;
}

/** The domain of service endpoints and of region-specific service principals (`logs.<region>.<domain>`). */
export const PARTITION_DOMAIN: Record<Partition, string> = { aws: 'amazonaws.com', 'aws-cn': 'amazonaws.com.cn', 'aws-us-gov': 'amazonaws.com' };

/**
 * `base` if it fits in `max` characters; otherwise a prefix of it, `-`, and 8 hex characters of its
 * SHA-256, so that different long names stay different and the result is stable.
 */
export function boundedName(base: string, max: number): string {
  if (max < 10) throw new Error(`boundedName: max must be at least 10, got ${max}`);
  if (base.length <= max) return base;
  const hash = createHash('sha256').update(base).digest('hex').slice(0, 8);
  return `${base.slice(0, max - 9).replace(/[-_.]+$/, '')}-${hash}`;
}

/** EventBridge archive names: 1-48 characters of letters, digits, `.`, `-`, `_`. */
export const MAX_ARCHIVE_NAME = 48;
/** X-Ray sampling rule names: 1-32 characters. */
export const MAX_SAMPLING_RULE_NAME = 32;

export interface TenantNames {
  /** `vigil-<tenant>`: the prefix of every resource name. */
  readonly prefix: string;
  /** The partner event source, and the name of the tenant's event bus. */
  readonly eventBus: string;
  readonly archive: string;
  readonly keyAlias: string;
  /** Findings are published to this topic. */
  readonly findingsTopic: string;
  /** Health alarms of the pipeline go to this topic, not to the findings topic. */
  readonly opsTopic: string;
  /** CloudWatch alarm names: `vigil-<tenant>-<what>`. */
  alarm(what: string): string;
  /** The namespace of the tenant's own CloudWatch metrics (src/pipeline/log-metrics.ts): `Vigil/<tenant>`. */
  readonly metricNamespace: string;
  readonly stateMachine: string;
  readonly scheduleGroup: string;
  readonly ingestRule: string;
  /** The Firehose delivery stream the ingest rule sends every event to (1-64 characters). */
  readonly deliveryStream: string;
  /** Firehose's delivery errors are logged here. */
  readonly deliveryStreamLogGroup: string;
  function(name: string): string;
  queue(name: string): string;
  /** Lambda log groups are `/aws/lambda/<function name>`. */
  lambdaLogGroup(fn: string): string;
  /** Step Functions logs go to a `/aws/vendedlogs/` group (CloudWatch Logs resource policy size limits). */
  readonly stateMachineLogGroup: string;
  /** The X-Ray sampling rule, and the service names it matches: every function and the state machine. */
  readonly samplingRule: string;
  readonly tracedServices: string;
  /** Secrets Manager names of the tenant's secrets: `vigil-<tenant>-<secret>`. */
  secret(name: SecretName): string;
}

export function tenantNames(tenant: Pick<Tenant, 'id' | 'okta'>): TenantNames {
  const prefix = `vigil-${tenant.id}`;
  return {
    prefix,
    eventBus: eventSourceName(tenant),
    archive: boundedName(`${prefix}-okta`, MAX_ARCHIVE_NAME),
    keyAlias: `alias/${prefix}`,
    findingsTopic: `${prefix}-findings`,
    opsTopic: `${prefix}-operations`,
    alarm: (what) => `${prefix}-${what}`,
    metricNamespace: `Vigil/${tenant.id}`,
    stateMachine: `${prefix}-hourly`,
    scheduleGroup: prefix,
    ingestRule: `${prefix}-ingest`,
    deliveryStream: `${prefix}-events`,
    deliveryStreamLogGroup: `/aws/kinesisfirehose/${prefix}-events`,
    function: (name) => `${prefix}-${name}`,
    queue: (name) => `${prefix}-${name}`,
    lambdaLogGroup: (fn) => `/aws/lambda/${prefix}-${fn}`,
    stateMachineLogGroup: `/aws/vendedlogs/states/${prefix}-hourly`,
    samplingRule: boundedName(prefix, MAX_SAMPLING_RULE_NAME),
    tracedServices: `${prefix}-*`,
    secret: (name) => secretName(tenant.id, name),
  };
}

/** ARNs in the tenant's account and region. */
export class TenantArns {
  readonly partition: Partition;
  constructor(
    readonly region: string,
    readonly account: string,
  ) {
    this.partition = partitionOf(region);
  }

  /** A service principal that AWS names per region (`logs.<region>.amazonaws.com`, `.com.cn` in China). */
  regionalPrincipal(service: string): string {
    return `${service}.${this.region}.${PARTITION_DOMAIN[this.partition]}`;
  }

  arn(service: string, resource: string, opts: { region?: string } = {}): string {
    return `arn:${this.partition}:${service}:${opts.region ?? this.region}:${this.account}:${resource}`;
  }
  get accountRoot(): string {
    return `arn:${this.partition}:iam::${this.account}:root`;
  }
  eventBus(name: string): string {
    return this.arn('events', `event-bus/${name}`);
  }
  /** Rules on a custom or partner bus: `rule/<bus name>/<rule name>`. */
  rule(bus: string, rule: string): string {
    return this.arn('events', `rule/${bus}/${rule}`);
  }
  logGroup(name: string): string {
    return this.arn('logs', `log-group:${name}`);
  }
  topic(name: string): string {
    return this.arn('sns', name);
  }
  alarm(name: string): string {
    return this.arn('cloudwatch', `alarm:${name}`);
  }
  deliveryStream(name: string): string {
    return this.arn('firehose', `deliverystream/${name}`);
  }
  stateMachine(name: string): string {
    return this.arn('states', `stateMachine:${name}`);
  }
  scheduleGroup(name: string): string {
    return this.arn('scheduler', `schedule-group/${name}`);
  }
  schedule(group: string, name: string): string {
    return this.arn('scheduler', `schedule/${group}/${name}`);
  }
}
