/**
 * The project's own policy checks (./rules.ts) on every example tenant's synthesized stack, and on a
 * tenant that turns deletion protection off and overrides a reserved concurrency. Each rule is also shown
 * to catch what it is about: the synthesized configuration, broken in one place, breaks exactly it.
 */
import { LAMBDAS } from '../../../src/pipeline/lambdas';
import type { Tenant } from '../../../src/tenants/schema';
import { hourlyWorkflow } from '../../../src/workflow/hourly-state-machine';
import { exampleTenant, exampleTenants, synthTenant, type TfJson } from '../support';
import { aslProblems, checkStack, POLICY_RULES, type StackUnderCheck, type Violation } from './rules';
import { resourcesOfType } from './terraform';

const stacks = new Map<string, StackUnderCheck>();
const throwaway: Tenant = { ...exampleTenant('acme'), tables: { deletionProtection: false }, concurrency: { reserved: { daily: 3 } } };

beforeAll(() => {
  // Given every example tenant (and a tenant meant to be thrown away), synthesized once for this file
  for (const tenant of [...exampleTenants(), throwaway]) stacks.set(tenant === throwaway ? 'throwaway' : tenant.id, { tenant, json: synthTenant(tenant).json });
});

const acme = () => stacks.get('acme')!;

/** A copy of acme's configuration, broken by `edit`. */
function broken(edit: (json: TfJson) => void): StackUnderCheck {
  const json = structuredClone(acme().json);
  edit(json);
  return { tenant: acme().tenant, json };
}

function first(json: TfJson, type: string): Record<string, any> {
  return Object.values(json.resource[type] as Record<string, any>)[0];
}

function named(json: TfJson, type: string, attribute: string, value: string): [string, Record<string, any>] {
  const found = Object.entries(json.resource[type] as Record<string, any>).find(([, r]) => r[attribute] === value);
  if (!found) throw new Error(`no ${type} with ${attribute} ${value}`);
  return found;
}

/** The statements of the policy document of a function's role. */
function roleStatements(json: TfJson, fn: string): any[] {
  const doc = Object.entries(json.data.aws_iam_policy_document as Record<string, any>).find(([k]) => k.startsWith(`fn-${fn}_permissions_`));
  return doc![1].statement;
}

async function violationsOf(stack: StackUnderCheck, rule: string): Promise<Violation[]> {
  return checkStack(stack, POLICY_RULES.filter((r) => r.id === rule));
}

describe('policy checks on every synthesized tenant stack', () => {
  it.each([...exampleTenants().map((t) => t.id), 'throwaway'])('given the stack of %s, when every rule runs, then nothing breaks them', async (id) => {
    expect(await checkStack(stacks.get(id)!)).toEqual([]);
  });

  it('given a tenant file that turns deletion protection off and reserves 3 for daily, when synthesized, then its tables may be deleted and daily reserves 3, the other functions their spec', () => {
    const { json } = stacks.get('throwaway')!;
    for (const t of resourcesOfType(json, 'aws_dynamodb_table')) expect(t.config.deletion_protection_enabled).toBe(false);
    for (const f of resourcesOfType(json, 'aws_lambda_function')) {
      const name = (Object.keys(LAMBDAS) as Array<keyof typeof LAMBDAS>).find((n) => f.config.function_name === `vigil-acme-${n}`)!;
      expect(f.config.reserved_concurrent_executions).toBe(name === 'daily' ? 3 : LAMBDAS[name].reservedConcurrency);
    }
  });

  it('given the example stacks, when synthesized, then every table refuses deletion and every function reserves its concurrency', () => {
    for (const { id } of exampleTenants()) {
      const { json } = stacks.get(id)!;
      for (const t of resourcesOfType(json, 'aws_dynamodb_table')) expect(t.config.deletion_protection_enabled).toBe(true);
      for (const f of resourcesOfType(json, 'aws_lambda_function')) expect(f.config.reserved_concurrent_executions).toBeGreaterThanOrEqual(1);
    }
  });
});

describe('each rule catches what it is about', () => {
  it('tenant-key-encryption: a queue with another key, a bucket without its encryption, an unknown kind of resource', async () => {
    const stack = broken((json) => {
      named(json, 'aws_sqs_queue', 'name', 'vigil-acme-delivery-dlq')[1].kms_master_key_id = 'alias/aws/sqs';
      delete json.resource.aws_s3_bucket_server_side_encryption_configuration;
      json.resource.aws_efs_file_system = { files: { creation_token: 'vigil-acme-files' } };
    });
    const violations = await violationsOf(stack, 'tenant-key-encryption');
    // The delivery stream writes into the bucket: without the bucket's encryption, its objects have none either.
    expect(violations.map((v) => v.address.replace(/_[A-Z0-9]+$/, '')).sort()).toEqual([
      'aws_efs_file_system.files',
      'aws_kinesis_firehose_delivery_stream.delivery_stream',
      'aws_s3_bucket.objects_bucket',
      'aws_sqs_queue.delivery-dlq_queue',
    ]);
    expect(violations.find((v) => v.address.startsWith('aws_efs'))!.message).toMatch(/^is a aws_efs_file_system, which these checks do not know/);
  });

  it('point-in-time-recovery and deletion-protection: a table without them', async () => {
    const stack = broken((json) => {
      const [, table] = named(json, 'aws_dynamodb_table', 'name', 'vigil-acme-findings');
      table.point_in_time_recovery = { enabled: false };
      table.deletion_protection_enabled = false;
    });
    expect(await violationsOf(stack, 'point-in-time-recovery')).toEqual([expect.objectContaining({ address: expect.stringMatching(/^aws_dynamodb_table\.tables_findings/) })]);
    expect(await violationsOf(stack, 'deletion-protection')).toEqual([expect.objectContaining({ message: 'has deletion protection false, the tenant file says true' })]);
  });

  it('logging-and-tracing: a function not traced, a state machine not traced', async () => {
    const stack = broken((json) => {
      named(json, 'aws_lambda_function', 'function_name', 'vigil-acme-notify')[1].tracing_config = { mode: 'PassThrough' };
      delete first(json, 'aws_sfn_state_machine').tracing_configuration;
    });
    expect((await violationsOf(stack, 'logging-and-tracing')).map((v) => v.message)).toEqual(['is not traced (tracing_config.mode Active)', 'is not traced']);
  });

  it('asynchronous-edges: daily (invoked by its schedule) without its invoke config, a rule target without a dead-letter queue, the ingest queue without a redrive, a subscription without a dead-letter queue', async () => {
    const stack = broken((json) => {
      const [daily] = named(json, 'aws_lambda_function', 'function_name', 'vigil-acme-daily');
      const configs = json.resource.aws_lambda_function_event_invoke_config;
      for (const [k, c] of Object.entries(configs as Record<string, any>)) if (c.function_name.includes(daily)) delete configs[k];
      delete first(json, 'aws_cloudwatch_event_target').dead_letter_config;
      delete named(json, 'aws_sqs_queue', 'name', 'vigil-acme-ingest-objects')[1].redrive_policy;
      delete first(json, 'aws_sns_topic_subscription').redrive_policy;
    });
    expect((await violationsOf(stack, 'asynchronous-edges')).map((v) => v.message)).toEqual([
      'has no dead-letter queue',
      'has neither a source queue with a dead-letter queue nor an on-failure destination',
      'has no dead-letter queue (redrive policy) for what SNS cannot deliver',
      expect.stringMatching(/^is invoked asynchronously \(aws_scheduler_schedule\.schedules_daily_[A-Z0-9]+\) without a maximum event age and an on-failure destination$/),
    ]);
  });

  it('no-wildcard-actions: a role allowed dynamodb:*', async () => {
    const stack = broken((json) => roleStatements(json, 'plan')[0].actions.push('dynamodb:*'));
    expect(await violationsOf(stack, 'no-wildcard-actions')).toEqual([expect.objectContaining({ message: 'allows wildcard actions dynamodb:*' })]);
  });

  it('actions-exist: a misspelt action and an action of no service', async () => {
    const stack = broken((json) => {
      roleStatements(json, 'plan')[0].actions[1] = 'dynamodb:Querry';
      roleStatements(json, 'notify')[0].actions.push('dynamo:GetItem');
    });
    expect((await violationsOf(stack, 'actions-exist')).map((v) => v.message).sort()).toEqual([
      'names dynamo:GetItem, which is not an action of the IAM service reference',
      'names dynamodb:Querry, which is not an action of the IAM service reference',
    ]);
  });

  it('wildcard-resources: table actions on *, while X-Ray and log delivery on * are accepted', async () => {
    const stack = broken((json) => (roleStatements(json, 'plan')[0].resources = ['*']));
    expect(await violationsOf(stack, 'wildcard-resources')).toEqual([expect.objectContaining({ message: expect.stringMatching(/^grants dynamodb:GetItem, dynamodb:Query, .* on \*, though AWS lets it be scoped to resources$/) })]);
  });

  it("tenant-scoped: another tenant's table, another account, a log group pattern wider than the tenant, a reference outside the stack, a queue not named for the tenant", async () => {
    const stack = broken((json) => {
      const statements = roleStatements(json, 'plan');
      statements[0].resources.push('arn:aws:dynamodb:us-east-1:111111111111:table/vigil-globex-hours', 'arn:aws:dynamodb:us-east-1:999999999999:table/vigil-acme-hours');
      statements[2].resources.push('arn:aws:logs:us-east-1:111111111111:log-group:/aws/lambda/vigil-*', '${aws_sqs_queue.elsewhere.arn}');
      named(json, 'aws_sqs_queue', 'name', 'vigil-acme-schedule-dlq')[1].name = 'schedule-dlq';
    });
    expect((await violationsOf(stack, 'tenant-scoped')).map((v) => v.message)).toEqual([
      'name "schedule-dlq" is not named for the tenant (vigil-acme-...)',
      'resource arn:aws:dynamodb:us-east-1:111111111111:table/vigil-globex-hours does not name the tenant before its first wildcard',
      'resource arn:aws:dynamodb:us-east-1:999999999999:table/vigil-acme-hours is in another account',
      'resource arn:aws:logs:us-east-1:111111111111:log-group:/aws/lambda/vigil-* does not name the tenant before its first wildcard',
      'resource ${aws_sqs_queue.elsewhere.arn} is not a resource of this stack',
    ]);
  });

  it('states-language: a definition that starts at a state it does not have', async () => {
    const stack = broken((json) => {
      const sm = first(json, 'aws_sfn_state_machine');
      sm.definition = sm.definition.replace('"StartAt" = "Plan"', '"StartAt" = "Nowhere"');
    });
    expect((await violationsOf(stack, 'states-language')).map((v) => v.message)).toContain("MISSING_TRANSITION_TARGET: Missing 'StartAt'|'Next'|'Default' target: Nowhere");
  });
});

describe('the hourly workflow definition (src/workflow/hourly-state-machine.ts)', () => {
  const refs = {
    planFunctionArn: 'arn:aws:lambda:us-east-1:111111111111:function:vigil-acme-plan',
    detectFunctionArn: 'arn:aws:lambda:us-east-1:111111111111:function:vigil-acme-detect',
    notifyFunctionArn: 'arn:aws:lambda:us-east-1:111111111111:function:vigil-acme-notify',
    eventsTable: 'vigil-acme-events',
    hoursTable: 'vigil-acme-hours',
  };

  it.each([1, 0])('given maxConcurrency %p, when validated against the Amazon States Language, then it is valid', (maxConcurrency) => {
    expect(aslProblems(hourlyWorkflow({ ...refs, maxConcurrency }))).toEqual([]);
  });

  it('given a Task state with no Resource, when validated, then asl-validator reports it', () => {
    const definition = hourlyWorkflow(refs) as { States: Record<string, Record<string, unknown>> };
    delete definition.States.Plan.Resource;
    expect(aslProblems(definition)).not.toEqual([]);
  });
});
