/**
 * Two tenants in one AWS account, simulated with @cloud-copilot/iam-simulate on their synthesized stacks:
 * neither tenant's roles can read or write the other's tables, queues, topics, bucket or key, and each can
 * do what its policies grant on its own; the AWS services the key policy admits (CloudWatch Logs, alarms,
 * EventBridge rules, SNS) can use a tenant's key only for that tenant's resources.
 *
 * The neighbours are `acme` and `acmecorp` (the same letters, no delimiter), which the loader admits
 * together, and `acme-corp`, which it refuses next to `acme`: even built by hand, acme's key admits none
 * of acme-corp's log groups, alarms or rules.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTenants, parseTenant, TenantConfigError } from '../../../src/tenants/load';
import type { Tenant } from '../../../src/tenants/schema';
import { EXAMPLE_TENANTS_DIR, synthTenant } from '../support';
import { decide, DeployedStack, type Decision } from './simulate';
import type { IamPolicy } from './terraform';

const acmeFile = JSON.parse(readFileSync(join(EXAMPLE_TENANTS_DIR, 'acme.json'), 'utf8'));
/** acme's tenant file under another id and event source, in acme's account and region. */
const neighbourFile = (id: string) => ({ ...acmeFile, id, displayName: id, okta: { org: id, eventSourceName: `vigil-${id}` } });

function loadAll(...files: Array<Record<string, unknown>>): Tenant[] {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-tenants-'));
  for (const f of files) writeFileSync(join(dir, `${f.id}.json`), JSON.stringify(f));
  return loadTenants(dir);
}

/** What to try on another tenant's resources: reads and writes of every kind. */
function probes(stack: DeployedStack): Array<{ action: string; resource: string; context?: Record<string, string> }> {
  const bucket = stack.arnsOf('aws_s3_bucket')[0];
  const on = (actions: string[], arns: string[]) => arns.flatMap((resource) => actions.map((action) => ({ action, resource })));
  return [
    ...on(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'], stack.arnsOf('aws_dynamodb_table')),
    ...on(['sqs:SendMessage', 'sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'], stack.arnsOf('aws_sqs_queue')),
    ...on(['sns:Publish', 'sns:Subscribe'], stack.arnsOf('aws_sns_topic')),
    ...on(['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], [`${bucket}/events/2026-11-02T09/0.ndjson.gz`, `${bucket}/state/2026-11-02T09.json.gz`]),
    ...['events/', 'state/'].map((prefix) => ({ action: 's3:ListBucket', resource: bucket, context: { 's3:prefix': prefix } })),
    ...on(['kms:Decrypt', 'kms:GenerateDataKey', 'kms:Encrypt'], stack.arnsOf('aws_kms_key')),
  ];
}

/** A concrete resource under a granted pattern: a log stream, an index, an object. */
function instanceOf(pattern: string): string {
  return pattern.endsWith(':*') ? `${pattern.slice(0, -1)}log-stream:2026/11/02/x` : pattern.replace(/\*/g, 'x');
}

async function decisions(requests: Array<Parameters<typeof decide>[0]>): Promise<Record<Decision, string[]>> {
  const out: Record<Decision, string[]> = { Allowed: [], ImplicitlyDenied: [], ExplicitlyDenied: [] };
  for (const r of requests) out[await decide(r)].push(`${r.principal.split(':').pop()} ${r.action} ${r.resource}${r.context?.['aws:SourceArn'] ? ` for ${r.context['aws:SourceArn']}` : ''}`);
  return out;
}

describe('two tenants in one account, simulated', () => {
  let acme: DeployedStack;
  let acmecorp: DeployedStack;

  beforeAll(() => {
    // Given acme and acmecorp, admitted together by the loader, in the same account and region
    const [a, b] = loadAll(acmeFile, neighbourFile('acmecorp'));
    expect([a.id, b.id, b.aws.accountId, b.aws.region]).toEqual(['acme', 'acmecorp', a.aws.accountId, a.aws.region]);
    acme = new DeployedStack(a, synthTenant(a).json);
    acmecorp = new DeployedStack(b, synthTenant(b).json);
  });

  it.each([
    ['acme', 'acmecorp'],
    ['acmecorp', 'acme'],
  ])("given %s's roles, when each tries to read and write every table, queue, topic, object, listing and the key of %s, then every request is denied", async (from, to) => {
    const [actor, owner] = from === 'acme' ? [acme, acmecorp] : [acmecorp, acme];
    const requests = actor.roles().flatMap((role) => probes(owner).map((p) => ({ ...p, principal: role.arn, identityPolicy: role.policy, owner })));
    expect(requests.length).toBeGreaterThan(500);
    const result = await decisions(requests);
    expect(result.Allowed).toEqual([]);
  });

  it.each(['acme', 'acmecorp'])('given the roles of %s, when each uses what its policy grants on its own resources, then every request is allowed', async (id) => {
    const stack = id === 'acme' ? acme : acmecorp;
    const requests = stack.roles().flatMap((role) =>
      role.policy.Statement.filter((s) => s.Effect === 'Allow').flatMap((s) =>
        (s.Resource ?? [])
          .filter((r) => r !== '*')
          .flatMap((pattern) =>
            (s.Action ?? []).map((action) => ({
              principal: role.arn,
              identityPolicy: role.policy,
              owner: stack,
              action,
              resource: instanceOf(pattern),
              context: contextFor(s.Condition),
            })),
          ),
      ),
    );
    expect(requests.length).toBeGreaterThan(100);
    const result = await decisions(requests);
    expect(result.ImplicitlyDenied).toEqual([]);
    expect(result.ExplicitlyDenied).toEqual([]);
  });

  it("given the services acme's key policy admits, when they use acme's key for acmecorp's alarms, rules and topics, then they are denied; for acme's own, allowed", async () => {
    const serviceRequests = (resourcesOf: DeployedStack) => keyUses(resourcesOf).map((u) => ({ ...u, resource: acme.arnsOf('aws_kms_key')[0], owner: acme }));
    const own = await decisions(serviceRequests(acme));
    const neighbour = await decisions(serviceRequests(acmecorp));
    expect(own.ImplicitlyDenied).toEqual([]);
    expect(own.Allowed.length).toBe(serviceRequests(acme).length);
    expect(neighbour.Allowed).toEqual([]);
  });

  it("given acme's key policy, when CloudWatch Logs asks for acmecorp's log groups, then none is admitted; each of acme's is", () => {
    expect(logGroupsAdmitted(acme, acmecorp.arnsOf('aws_cloudwatch_log_group'))).toEqual([]);
    expect(logGroupsAdmitted(acme, acme.arnsOf('aws_cloudwatch_log_group'))).toEqual(acme.arnsOf('aws_cloudwatch_log_group'));
  });

  describe('acme-corp next to acme (an id that extends another)', () => {
    let acmeCorp: DeployedStack;

    beforeAll(() => {
      const parsed = parseTenant('acme-corp.json', neighbourFile('acme-corp'));
      acmeCorp = new DeployedStack(parsed.tenant!, synthTenant(parsed.tenant!).json);
    });

    it('given acme and acme-corp in one account, when loaded, then the loader refuses acme-corp', () => {
      expect(() => loadAll(acmeFile, neighbourFile('acme-corp'))).toThrow(TenantConfigError);
    });

    it("given acme-corp built anyway, when the services acme's key admits use it for acme-corp's log groups, alarms, rules and topics, then every request is denied (exact ARNs, no vigil-acme-* pattern)", async () => {
      const requests = keyUses(acmeCorp).map((u) => ({ ...u, resource: acme.arnsOf('aws_kms_key')[0], owner: acme }));
      expect(requests.length).toBeGreaterThan(10);
      expect((await decisions(requests)).Allowed).toEqual([]);
      expect(logGroupsAdmitted(acme, acmeCorp.arnsOf('aws_cloudwatch_log_group'))).toEqual([]);
    });

    it("given acme-corp built anyway, when acme's roles try acme-corp's resources, then every request is denied", async () => {
      const requests = acme.roles().flatMap((role) => probes(acmeCorp).map((p) => ({ ...p, principal: role.arn, identityPolicy: role.policy, owner: acmeCorp })));
      expect((await decisions(requests)).Allowed).toEqual([]);
    });
  });
});

/** A request context that meets a statement's conditions: each key's first value, a wildcard read as `x` (`s3.*.amazonaws.com`, `events/*`). */
function contextFor(condition: IamPolicy['Statement'][number]['Condition']): Record<string, string> | undefined {
  if (!condition) return undefined;
  return Object.fromEntries(Object.values(condition).flatMap((byKey) => Object.entries(byKey).map(([key, values]) => [key, values[0].replace(/\*/g, 'x')])));
}

/**
 * How each service the key policy admits by source ARN uses the key on behalf of one stack's resources:
 * CloudWatch for each alarm, EventBridge for each rule, SNS for each topic.
 */
function keyUses(stack: DeployedStack): Array<{ principal: string; action: string; context: Record<string, string> }> {
  const { accountId } = stack.tenant.aws;
  const source = (arn: string) => ({ 'aws:SourceArn': arn, 'aws:SourceAccount': accountId });
  return [
    ...stack.arnsOf('aws_cloudwatch_metric_alarm').map((arn) => ({ principal: 'cloudwatch.amazonaws.com', action: 'kms:GenerateDataKey', context: source(arn) })),
    ...stack.arnsOf('aws_cloudwatch_event_rule').map((arn) => ({ principal: 'events.amazonaws.com', action: 'kms:GenerateDataKey', context: source(arn) })),
    ...stack.arnsOf('aws_sns_topic').map((arn) => ({ principal: 'sns.amazonaws.com', action: 'kms:GenerateDataKey', context: source(arn) })),
  ];
}

/**
 * The log groups (of `candidates`) for which the key policy of `keyOwner` lets CloudWatch Logs use its key:
 * matched as IAM matches ARN conditions (`*` any run of characters, `?` one). iam-simulate cannot evaluate
 * this statement: it ignores encryption-context keys whose name holds a colon (`kms:EncryptionContext:aws:logs:arn`).
 */
function logGroupsAdmitted(keyOwner: DeployedStack, candidates: string[]): string[] {
  const key = keyOwner.arnsOf('aws_kms_key')[0];
  const statement = keyOwner.resourcePolicyOf(key)!.Statement.find((s) => s.Sid === 'CloudWatchLogsEncryptsTenantLogGroups')!;
  const [[test, values]] = Object.entries(statement.Condition!).map(([t, byKey]) => [t, byKey['kms:EncryptionContext:aws:logs:arn']] as const);
  expect(['ArnEquals', 'ArnLike']).toContain(test);
  const patterns = values.map((v) => new RegExp(`^${v.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`));
  return candidates.filter((arn) => patterns.some((p) => p.test(arn)));
}
