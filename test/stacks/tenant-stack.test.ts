/**
 * The tenant stack, synthesized once per example tenant: the HCL (formatted as `terraform fmt` would)
 * as a snapshot, the HCL parsed back equal to the JSON configuration, and the properties that matter.
 */
import { spawnSync } from 'node:child_process';
import { SEVERITIES, severityRank } from '../../src/detections/types';
import { ingestPattern } from '../../src/events/patterns';
import { settingsOf } from '../../src/pipeline/config';
import { ENV } from '../../src/pipeline/env';
import type { ObjectArea } from '../../src/pipeline/buckets';
import { LAMBDAS, memoryOf, timeoutOf, type Access, type LambdaName } from '../../src/pipeline/lambdas';
import { TABLES, tableName, type TableName } from '../../src/pipeline/tables';
import { eventSourceName, oktaOrgUrl, type Tenant } from '../../src/tenants/schema';
import { hourlyWorkflow } from '../../src/workflow/hourly-state-machine';
import { objectStatements, TABLE_ACTIONS } from '../../stacks/constructs/pipeline-function';
import { LOG_DELIVERY_ACTIONS } from '../../stacks/constructs/hourly-workflow';
import { MAX_ARCHIVE_NAME } from '../../stacks/naming';
import {
  addressOf,
  exampleTenant,
  formatHcl,
  jsonencodeArgument,
  normalizeConfig,
  onlyResource,
  parseHcl,
  policyDocumentOf,
  ref,
  resourcesOf,
  synthTenant,
  type Synthesized,
  type TfJson,
} from './support';

const XRAY_ACTIONS = ['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets'];

function terraformAvailable(): boolean {
  return spawnSync('terraform', ['version'], { env: { ...process.env, CHECKPOINT_DISABLE: '1' } }).status === 0;
}

describe.each(['acme', 'globex'])('tenant stack for example tenant %s', (id) => {
  let tenant: Tenant;
  let synth: Synthesized;
  let json: TfJson;
  let hcl: string;

  beforeAll(async () => {
    // Given the example tenant, when its stack is synthesized (once for this file)
    tenant = exampleTenant(id);
    synth = synthTenant(tenant);
    json = synth.json;
    hcl = await formatHcl(synth.rawHcl);
  });

  const keyRef = () => ref(synth.stack.node.findChild('key').node.findChild('key') as never, 'arn');
  const fnOf = (name: LambdaName) => synth.stack.functions[name];

  describe('HCL', () => {
    it('then the formatted HCL matches the snapshot', () => {
      expect(hcl).toMatchSnapshot();
    });

    it('then the HCL, parsed back, is the JSON configuration (after normalization)', async () => {
      const parsed = await parseHcl(hcl);
      expect(normalizeConfig(parsed)).toEqual(normalizeConfig(json));
    });

    (terraformAvailable() ? it : it.skip)('then `terraform fmt` leaves the formatted HCL unchanged (when terraform is installed)', () => {
      const result = spawnSync('terraform', ['fmt', '-'], { input: hcl, encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
      expect(result.status).toBe(0);
      expect(result.stdout).toBe(hcl);
    });
  });

  describe('provider and state', () => {
    it("then the provider is pinned to the tenant's account and region, with tenant default tags", () => {
      const provider = json.provider.aws[0];
      expect(provider.region).toBe(tenant.aws.region);
      expect(provider.allowed_account_ids).toEqual([tenant.aws.accountId]);
      expect(provider.default_tags[0].tags).toEqual({ 'vigil:project': 'vigil', 'vigil:tenant': tenant.id });
      if (tenant.aws.assumeRoleArn) expect(provider.assume_role[0].role_arn).toBe(tenant.aws.assumeRoleArn);
      else expect(provider.assume_role).toBeUndefined();
    });

    it('then state is a local file per tenant (no state bucket configured)', () => {
      expect(json.terraform.backend).toEqual({ local: { path: `terraform.tenant-${tenant.id}.tfstate` } });
    });
  });

  describe('key', () => {
    it('then the tenant key rotates and its policy lets the root administer and only the tenant resources use it', () => {
      const key = onlyResource(json, 'aws_kms_key');
      expect(key.enable_key_rotation).toBe(true);
      const statements = policyDocumentOf(json, key.policy).statement;
      const bySid = Object.fromEntries(statements.map((s) => [s.sid, s]));
      expect(bySid.AccountRootAdministers.principals[0].identifiers).toEqual([`arn:aws:iam::${tenant.aws.accountId}:root`]);
      const busArn = `arn:aws:events:${tenant.aws.region}:${tenant.aws.accountId}:event-bus/${eventSourceName(tenant)}`;
      expect(bySid.EventBridgeEncryptsBusAndArchive.condition[0]).toEqual({ test: 'StringEquals', variable: 'kms:EncryptionContext:aws:events:event-bus:arn', values: [busArn] });
      const logs = bySid.CloudWatchLogsEncryptsTenantLogGroups;
      expect(logs.principals[0].identifiers).toEqual([`logs.${tenant.aws.region}.amazonaws.com`]);
      // Exact log groups, no pattern: another tenant's `/aws/lambda/vigil-<id>-corp-...` cannot match.
      expect(logs.condition[0]).toMatchObject({ test: 'ArnEquals', variable: 'kms:EncryptionContext:aws:logs:arn' });
      expect(logs.condition[0].values).toEqual([
        ...Object.keys(LAMBDAS).map((fn) => `arn:aws:logs:${tenant.aws.region}:${tenant.aws.accountId}:log-group:/aws/lambda/vigil-${tenant.id}-${fn}`),
        `arn:aws:logs:${tenant.aws.region}:${tenant.aws.accountId}:log-group:/aws/vendedlogs/states/vigil-${tenant.id}-hourly`,
        `arn:aws:logs:${tenant.aws.region}:${tenant.aws.accountId}:log-group:/aws/kinesisfirehose/vigil-${tenant.id}-events`,
      ]);
      expect(new Set(logs.condition[0].values)).toEqual(new Set(resourcesOf(json, 'aws_cloudwatch_log_group').map(([, g]) => `arn:aws:logs:${tenant.aws.region}:${tenant.aws.accountId}:log-group:${g.name}`)));
      const alarms = bySid.CloudWatchAlarmsPublishToEncryptedOpsTopic.condition.find((c: { variable: string }) => c.variable === 'aws:SourceArn');
      expect(alarms.test).toBe('ArnEquals');
      expect(new Set(alarms.values)).toEqual(new Set(resourcesOf(json, 'aws_cloudwatch_metric_alarm').map(([, a]) => `arn:aws:cloudwatch:${tenant.aws.region}:${tenant.aws.accountId}:alarm:${a.alarm_name}`)));
      const rules = bySid.EventBridgeSendsToEncryptedQueues.condition.find((c: { variable: string }) => c.variable === 'aws:SourceArn');
      expect(rules.test).toBe('ArnEquals');
      expect(rules.values).toEqual([busArn, ...resourcesOf(json, 'aws_cloudwatch_event_rule').map(([, r]) => `arn:aws:events:${tenant.aws.region}:${tenant.aws.accountId}:rule/${eventSourceName(tenant)}/${r.name}`)]);
      const services = statements.flatMap((s) => (s.principals?.[0]?.type === 'Service' ? s.principals[0].identifiers : []));
      expect(new Set(services)).toEqual(new Set(['events.amazonaws.com', 'sns.amazonaws.com', 'sqs.amazonaws.com', 's3.amazonaws.com', `logs.${tenant.aws.region}.amazonaws.com`, 'delivery.logs.amazonaws.com', 'cloudwatch.amazonaws.com']));
      // Every service statement is conditioned (account, source ARN or encryption context), except DescribeKey.
      for (const s of statements.filter((x) => x.principals?.[0]?.type === 'Service' && x.sid !== 'EventBridgeDescribesKey')) expect(s.condition?.length).toBeGreaterThan(0);
    });

    it('then everything that stores data is encrypted with the tenant key', () => {
      const key = keyRef();
      for (const [, q] of resourcesOf(json, 'aws_sqs_queue')) expect(q.kms_master_key_id).toBe(key);
      for (const [, t] of resourcesOf(json, 'aws_sns_topic')) expect(t.kms_master_key_id).toBe(key);
      for (const [, t] of resourcesOf(json, 'aws_dynamodb_table')) expect(t.server_side_encryption).toEqual({ enabled: true, kms_key_arn: key });
      for (const [, g] of resourcesOf(json, 'aws_cloudwatch_log_group')) expect(g.kms_key_id).toBe(key);
      expect(onlyResource(json, 'aws_cloudwatch_event_bus').kms_key_identifier).toBe(key);
      expect(onlyResource(json, 'aws_cloudwatch_event_archive').kms_key_identifier).toBe(key);
      expect(onlyResource(json, 'aws_sfn_state_machine').encryption_configuration).toMatchObject({ type: 'CUSTOMER_MANAGED_KMS_KEY', kms_key_id: key });
      for (const [, s] of resourcesOf(json, 'aws_scheduler_schedule')) expect(s.kms_key_arn).toBe(key);
      for (const [, f] of resourcesOf(json, 'aws_lambda_function')) expect(f.kms_key_arn).toBe(key);
    });
  });

  describe('partner event bus and archive', () => {
    it('then the bus is named after the partner event source and bound to it', () => {
      const bus = onlyResource(json, 'aws_cloudwatch_event_bus');
      expect(bus.name).toBe(eventSourceName(tenant));
      expect(bus.event_source_name).toBe(bus.name);
      expect(bus.dead_letter_config.arn).toMatch(/^\$\{aws_sqs_queue\.delivery-dlq_queue_[A-Z0-9]+\.arn\}$/);
    });

    it('then the archive keeps every Okta event for the tenant retention, under a valid name', () => {
      const archive = onlyResource(json, 'aws_cloudwatch_event_archive');
      expect(archive.name.length).toBeLessThanOrEqual(MAX_ARCHIVE_NAME);
      expect(archive.name).toMatch(/^[.\-_A-Za-z0-9]+$/);
      expect(archive.name).toBe(`vigil-${tenant.id}-okta`);
      expect(archive.retention_days).toBe(tenant.archive.retentionDays);
      expect(JSON.parse(archive.event_pattern)).toEqual(ingestPattern());
      expect(archive.event_source_arn).toMatch(/^\$\{aws_cloudwatch_event_bus\..+\.arn\}$/);
    });
  });

  describe('ingest', () => {
    it('then every Okta event goes to the delivery stream through a role, with a DLQ and a retry policy on the target', () => {
      const [, ruleJson] = resourcesOf(json, 'aws_cloudwatch_event_rule').find(([, r]) => r.name === `vigil-${tenant.id}-ingest`)!;
      expect(JSON.parse(ruleJson.event_pattern)).toEqual(ingestPattern());
      expect(ruleJson.event_bus_name).toMatch(/^\$\{aws_cloudwatch_event_bus\..+\.name\}$/);
      const [, target] = resourcesOf(json, 'aws_cloudwatch_event_target').find(([, t]) => t.target_id === 'delivery-stream')!;
      expect(target.arn).toMatch(/^\$\{aws_kinesis_firehose_delivery_stream\..+\.arn\}$/);
      expect(target.role_arn).toMatch(/^\$\{aws_iam_role\.ingest_role_[A-Z0-9]+\.arn\}$/);
      expect(target.dead_letter_config.arn).toMatch(/^\$\{aws_sqs_queue\.delivery-dlq_queue_[A-Z0-9]+\.arn\}$/);
      expect(target.retry_policy).toEqual({ maximum_event_age_in_seconds: expect.any(Number), maximum_retry_attempts: expect.any(Number) });
    });

    it("then the delivery stream writes to the tenant's bucket, encrypted with the tenant key, and the bucket notifies the ingest queue", () => {
      const stream = onlyResource(json, 'aws_kinesis_firehose_delivery_stream');
      expect(stream.name).toBe(`vigil-${tenant.id}-events`);
      expect(stream.server_side_encryption).toEqual({ enabled: true, key_type: 'CUSTOMER_MANAGED_CMK', key_arn: keyRef() });
      expect(stream.extended_s3_configuration.bucket_arn).toBe(ref(synth.stack.node.findChild('objects').node.findChild('bucket') as never, 'arn'));
      const notification = onlyResource(json, 'aws_s3_bucket_notification');
      expect(notification.queue).toEqual([expect.objectContaining({ queue_arn: expect.stringMatching(/^\$\{aws_sqs_queue\.ingest-objects_queue_[A-Z0-9]+\.arn\}$/) })]);
    });

    it('then each queue redrives to its own DLQ and its function polls it with partial batch failures', () => {
      const queues = Object.fromEntries(resourcesOf(json, 'aws_sqs_queue').map(([, q]) => [q.name, q]));
      const mappings = resourcesOf(json, 'aws_lambda_event_source_mapping').map(([, m]) => m);
      for (const [queue, fn] of [['ingest-objects', 'ingest']] as const) {
        expect(queues[`vigil-${tenant.id}-${queue}-dlq`]).toBeDefined();
        expect(queues[`vigil-${tenant.id}-${queue}`].redrive_policy).toMatch(new RegExp(`^\\$\\{jsonencode\\(\\{"deadLetterTargetArn" = aws_sqs_queue\\.${queue}_dlq_[A-Z0-9]+\\.arn, "maxReceiveCount" = 5\\}\\)\\}$`));
        expect(queues[`vigil-${tenant.id}-${queue}`].visibility_timeout_seconds).toBeGreaterThanOrEqual(6 * timeoutOf(LAMBDAS[fn]));
        const mapping = mappings.find((m) => m.event_source_arn.includes(`${queue}_queue`))!;
        expect(mapping.function_name).toBe(ref(fnOf(fn).function, 'arn'));
        expect(mapping.function_response_types).toEqual(['ReportBatchItemFailures']);
      }
    });
  });

  describe('delivery', () => {
    it('then only the bus and the rules may put undelivered events in the delivery DLQ', () => {
      const [, policy] = resourcesOf(json, 'aws_sqs_queue_policy').find(([, p]) => p.queue_url.includes('delivery-dlq_queue'))!;
      const [statement] = policyDocumentOf(json, policy.policy).statement;
      const rules = resourcesOf(json, 'aws_cloudwatch_event_rule').map(([name]) => `\${aws_cloudwatch_event_rule.${name}.arn}`);
      expect(statement.condition[0].values.sort()).toEqual([...rules, ref(synth.stack.node.findChild('okta').node.findChild('bus') as never, 'arn')].sort());
    });
  });

  describe('tables', () => {
    it('then there is one on-demand table per TABLES entry, with TTL, point-in-time recovery and the spec indexes', () => {
      const tables = Object.fromEntries(resourcesOf(json, 'aws_dynamodb_table').map(([, t]) => [t.name, t]));
      expect(Object.keys(tables).sort()).toEqual((Object.keys(TABLES) as TableName[]).map((t) => tableName(tenant.id, t)).sort());
      for (const spec of Object.values(TABLES)) {
        const t = tables[tableName(tenant.id, spec.name)];
        expect(t).toMatchObject({ billing_mode: 'PAY_PER_REQUEST', hash_key: spec.partitionKey, range_key: spec.sortKey });
        expect(t.ttl).toEqual({ attribute_name: spec.ttlAttribute, enabled: true });
        expect(t.point_in_time_recovery).toEqual({ enabled: true });
        expect(t.global_secondary_index ?? []).toEqual(
          spec.indexes.map((i) => ({ name: i.name, hash_key: i.partitionKey, range_key: i.sortKey, projection_type: 'ALL' })),
        );
      }
    });
  });

  describe('functions', () => {
    it.each(Object.keys(LAMBDAS) as LambdaName[])('then %s runs Node 22 on arm64 from its bundle, traced, logging to its own group', (name) => {
      const f = synth.json.resource.aws_lambda_function[fnOf(name).function.friendlyUniqueId];
      expect(f).toMatchObject({ runtime: 'nodejs22.x', architectures: ['arm64'], handler: 'index.handler', function_name: `vigil-${tenant.id}-${name}` });
      // The app's one archive of the bundle, from the stack's directory, named by the hash Terraform compares.
      expect(f.source_code_hash).toMatch(/^[A-F0-9]{32}$/);
      expect(f.filename).toBe(`../../assets/${name}/${f.source_code_hash}/archive.zip`);
      expect(f.tracing_config).toEqual({ mode: 'Active' });
      expect(f.logging_config.log_group).toBe(ref(fnOf(name).logGroup, 'name'));
      expect(f.memory_size).toBe(memoryOf(LAMBDAS[name]));
      expect(f.timeout).toBe(timeoutOf(LAMBDAS[name]));
      const group = synth.json.resource.aws_cloudwatch_log_group[fnOf(name).logGroup.friendlyUniqueId];
      expect(group.name).toBe(`/aws/lambda/vigil-${tenant.id}-${name}`);
      expect(group.retention_in_days).toBe(30);
    });

    it.each(Object.keys(LAMBDAS) as LambdaName[])('then %s gets the ENV environment: tenant, settings, its tables, the bucket only if it uses it, the topic only if it publishes, the names of the secrets it reads', (name) => {
      const spec = LAMBDAS[name];
      const vars = synth.json.resource.aws_lambda_function[fnOf(name).function.friendlyUniqueId].environment.variables;
      const expected: Record<string, string> = { [ENV.tenantId]: tenant.id, [ENV.tenantSettings]: JSON.stringify(settingsOf(tenant)) };
      for (const t of Object.keys(spec.tables) as TableName[]) expected[ENV.table(t)] = ref((synth.stack.node.findChild('tables') as never as { tables: Record<string, never> }).tables[t], 'name');
      if (spec.objects) expected[ENV.bucket] = ref(synth.stack.node.findChild('objects').node.findChild('bucket') as never, 'bucket');
      if (spec.publishes) expected[ENV.topicArn] = ref(synth.stack.node.findChild('alerts').node.findChild('topic') as never, 'arn');
      for (const secret of spec.secrets ?? []) expected[ENV.secret(secret)] = `vigil-${tenant.id}-${secret}`;
      if (spec.secrets?.includes('okta-api-token')) expected[ENV.oktaOrgUrl] = oktaOrgUrl(tenant);
      expect(vars).toEqual(expected);
      expect(JSON.parse(vars[ENV.tenantSettings])).toEqual(settingsOf(tenant));
    });
  });

  describe('IAM', () => {
    function rolePolicies(): Array<{ role: string; statements: any[] }> {
      return resourcesOf(json, 'aws_iam_role_policy').map(([, p]) => ({ role: p.role, statements: policyDocumentOf(json, p.policy).statement }));
    }

    it.each(Object.keys(LAMBDAS) as LambdaName[])('then the %s role may use exactly its tables and bucket areas, as its spec says', (name) => {
      const spec = LAMBDAS[name];
      const policy = synth.json.resource.aws_iam_role_policy[fnOf(name).policy.friendlyUniqueId];
      const statements = policyDocumentOf(json, policy.policy).statement;
      const dynamo = statements.filter((s) => s.actions.some((a: string) => a.startsWith('dynamodb:')));
      const tables = (synth.stack.node.findChild('tables') as never as { tables: Record<TableName, never> }).tables;
      const expected = (Object.entries(spec.tables) as [TableName, 'read' | 'write' | 'readwrite'][]).map(([t, access]) => ({
        actions: access === 'readwrite' ? [...TABLE_ACTIONS.read, ...TABLE_ACTIONS.write] : [...TABLE_ACTIONS[access]],
        resources: TABLES[t].indexes.length ? [ref(tables[t], 'arn'), `${ref(tables[t], 'arn')}/index/*`] : [ref(tables[t], 'arn')],
      }));
      expect(dynamo.map((s) => ({ actions: s.actions, resources: s.resources }))).toEqual(expected);

      const publish = statements.filter((s) => s.actions.includes('sns:Publish'));
      if (spec.publishes) expect(publish).toEqual([expect.objectContaining({ resources: [ref(synth.stack.node.findChild('alerts').node.findChild('topic') as never, 'arn')] })]);
      else expect(publish).toEqual([]);

      expect(statements).toContainEqual(expect.objectContaining({ actions: ['kms:Decrypt', 'kms:GenerateDataKey'], resources: [keyRef()] }));
      expect(statements).toContainEqual(expect.objectContaining({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [`${ref(fnOf(name).logGroup, 'arn')}:*`] }));
      const bucketArn = ref(synth.stack.node.findChild('objects').node.findChild('bucket') as never, 'arn');
      const s3 = statements.filter((s) => s.actions.some((a: string) => a.startsWith('s3:')));
      expect(s3.map((s) => ({ sid: s.sid, actions: s.actions, resources: s.resources }))).toEqual(
        (Object.entries(spec.objects ?? {}) as [ObjectArea, Access][]).flatMap(([area, access]) => objectStatements(area, access, bucketArn).map((s) => ({ sid: s.sid, actions: s.actions, resources: s.resources }))),
      );
      const sqs = statements.filter((s) => s.actions.some((a: string) => a.startsWith('sqs:')));
      const queueOf = (q: string) => expect.stringMatching(new RegExp(`^\\$\\{aws_sqs_queue\\.${q}_queue_[A-Z0-9]+\\.arn\\}$`));
      expect(sqs).toEqual([
        ...(spec.drains ?? []).map((q) => expect.objectContaining({ actions: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'], resources: [queueOf(q)] })),
        expect.objectContaining({ actions: ['sqs:SendMessage'], resources: [queueOf('failed-invocations')] }),
      ]);
    });

    it('then no role may use anything but the tenant own resources; `*` only where AWS requires it (X-Ray, log delivery)', () => {
      const own = new Set([...Object.entries(json.resource).flatMap(([type, rs]) => Object.keys(rs as object).map((n) => `${type}.${n}`))]);
      const policies = rolePolicies();
      expect(policies.length).toBe(Object.keys(LAMBDAS).length + 5); // functions, workflow, two schedules, the delivery stream and the ingest rule
      for (const { statements } of policies) {
        for (const s of statements) {
          for (const r of s.resources) {
            if (r === '*') {
              expect(s.actions.every((a: string) => XRAY_ACTIONS.includes(a) || LOG_DELIVERY_ACTIONS.includes(a))).toBe(true);
              continue;
            }
            const address = addressOf(r);
            expect(address && own.has(address)).toBe(true);
          }
        }
      }
    });

    it('then the workflow role may invoke the three workflow functions, query events and mark hours, and nothing else of the tenant', () => {
      const workflow = synth.stack.node.findChild('hourly');
      const policy = synth.json.resource.aws_iam_role_policy[(workflow.node.findChild('policy') as never as { friendlyUniqueId: string }).friendlyUniqueId];
      const statements = policyDocumentOf(json, policy.policy).statement;
      const bySid = Object.fromEntries(statements.map((s) => [s.sid, s]));
      expect(bySid.InvokeWorkflowFunctions).toMatchObject({ actions: ['lambda:InvokeFunction'], resources: (['plan', 'detect', 'notify'] as const).map((n) => ref(fnOf(n).function, 'arn')) });
      const tables = (synth.stack.node.findChild('tables') as never as { tables: Record<TableName, never> }).tables;
      expect(bySid.FindChunks).toMatchObject({ actions: ['dynamodb:Query'], resources: [ref(tables.events, 'arn')] });
      expect(bySid.MarkHours).toMatchObject({ actions: ['dynamodb:UpdateItem'], resources: [ref(tables.hours, 'arn')] });
      expect(Object.keys(bySid).sort()).toEqual(['FindChunks', 'InvokeWorkflowFunctions', 'LogDeliveryAwsRequiresWildcard', 'MarkHours', 'UseTenantKey', 'XRayWriteAwsRequiresWildcard']);
    });
  });

  describe('findings topic', () => {
    it('then the topic has one subscription per tenant subscription, filtered to its minimum severity and above', () => {
      const [findingsTopic] = resourcesOf(json, 'aws_sns_topic').find(([, t]) => t.name === `vigil-${tenant.id}-findings`)!;
      const subs = resourcesOf(json, 'aws_sns_topic_subscription').map(([, s]) => s).filter((s) => s.topic_arn === `\${aws_sns_topic.${findingsTopic}.arn}`);
      expect(subs).toHaveLength(tenant.notifications.subscriptions.length);
      tenant.notifications.subscriptions.forEach((s, i) => {
        expect(subs[i]).toMatchObject({ protocol: s.protocol, endpoint: s.endpoint, filter_policy_scope: 'MessageAttributes' });
        expect(JSON.parse(subs[i].filter_policy)).toEqual({ severity: SEVERITIES.filter((x) => severityRank(x) >= severityRank(s.minSeverity)) });
      });
    });
  });

  describe('health', () => {
    const alarms = () => Object.fromEntries(resourcesOf(json, 'aws_cloudwatch_metric_alarm').map(([, a]) => [a.alarm_name, a]));
    const opsTopic = () => resourcesOf(json, 'aws_sns_topic').find(([, t]) => t.name === `vigil-${tenant.id}-operations`)!;

    it('then a silent feed alarms when nothing reaches the delivery stream for the tenant hours, missing data counting as silence', () => {
      expect(alarms()[`vigil-${tenant.id}-feed-silent`]).toMatchObject({
        namespace: 'AWS/Firehose',
        metric_name: 'IncomingRecords',
        dimensions: { DeliveryStreamName: expect.stringMatching(/aws_kinesis_firehose_delivery_stream\..+\.name/) },
        period: 3600,
        evaluation_periods: tenant.operations.silentFeedHours,
        comparison_operator: 'LessThanThreshold',
        threshold: 1,
        treat_missing_data: 'breaching',
      });
    });

    it('then every dead-letter queue, the workflow and every function have an alarm, all to the operations topic only', () => {
      const names = Object.keys(alarms());
      for (const what of ['dlq-delivery', 'dlq-ingest-objects', 'dlq-schedule', 'workflow-failed', ...Object.keys(LAMBDAS).map((f) => `errors-${f}`)]) expect(names).toContain(`vigil-${tenant.id}-${what}`);
      const [opsId] = opsTopic();
      for (const a of Object.values(alarms()) as Array<{ alarm_actions: string[] }>) expect(a.alarm_actions).toEqual([`\${aws_sns_topic.${opsId}.arn}`]);
    });

    it('then operations subscribers get alarms without a severity filter, and findings subscribers do not get alarms', () => {
      const [opsId] = opsTopic();
      const opsSubs = resourcesOf(json, 'aws_sns_topic_subscription').filter(([, s]) => s.topic_arn === `\${aws_sns_topic.${opsId}.arn}`);
      expect(opsSubs.map(([, s]) => ({ protocol: s.protocol, endpoint: s.endpoint, filter: s.filter_policy }))).toEqual(tenant.operations.subscriptions.map((s) => ({ protocol: s.protocol, endpoint: s.endpoint, filter: undefined })));
    });
  });

  describe('hourly workflow', () => {
    it('then the state machine is hourlyWorkflow() with the tenant functions and tables, STANDARD, logged, traced', () => {
      const sm = onlyResource(json, 'aws_sfn_state_machine');
      const tables = (synth.stack.node.findChild('tables') as never as { tables: Record<TableName, never> }).tables;
      expect(jsonencodeArgument(sm.definition)).toEqual(
        hourlyWorkflow({
          planFunctionArn: ref(fnOf('plan').function, 'arn'),
          detectFunctionArn: ref(fnOf('detect').function, 'arn'),
          notifyFunctionArn: ref(fnOf('notify').function, 'arn'),
          eventsTable: ref(tables.events, 'name'),
          hoursTable: ref(tables.hours, 'name'),
        }),
      );
      expect(sm.type).toBe('STANDARD');
      expect(sm.logging_configuration).toEqual({ level: 'ALL', include_execution_data: false, log_destination: expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.hourly_logs_[A-Z0-9]+\.arn\}:\*$/) });
      expect(sm.tracing_configuration).toEqual({ enabled: true });
    });
  });

  describe('schedules', () => {
    it('then the hourly schedule starts the workflow at the grace minute every hour, with input, retries and a DLQ', () => {
      const schedules = Object.fromEntries(resourcesOf(json, 'aws_scheduler_schedule').map(([, s]) => [s.name, s]));
      const hourly = schedules[`vigil-${tenant.id}-hourly`];
      expect(hourly.schedule_expression).toBe(`cron(${tenant.schedule.gracePeriodMinutes} * * * ? *)`);
      expect(hourly.schedule_expression_timezone).toBe('UTC');
      expect(hourly.flexible_time_window).toEqual({ mode: 'OFF' });
      expect(hourly.group_name).toMatch(/^\$\{aws_scheduler_schedule_group\..+\.name\}$/);
      expect(hourly.target.arn).toMatch(/^\$\{aws_sfn_state_machine\..+\.arn\}$/);
      expect(JSON.parse(hourly.target.input)).toEqual({ tenantId: tenant.id, scheduledTime: '<aws.scheduler.scheduled-time>', hours: [] });
      expect(hourly.target.retry_policy.maximum_retry_attempts).toBeGreaterThan(0);
      expect(hourly.target.dead_letter_config.arn).toMatch(/^\$\{aws_sqs_queue\.schedule-dlq_queue_[A-Z0-9]+\.arn\}$/);
    });

    it('then the daily schedule invokes the daily function at dailyAt (UTC)', () => {
      const daily = resourcesOf(json, 'aws_scheduler_schedule').map(([, s]) => s).find((s) => s.name === `vigil-${tenant.id}-daily`);
      const [hh, mm] = tenant.schedule.dailyAt.split(':').map(Number);
      expect(daily.schedule_expression).toBe(`cron(${mm} ${hh} * * ? *)`);
      expect(daily.target.arn).toBe(ref(fnOf('daily').function, 'arn'));
      expect(JSON.parse(daily.target.input)).toEqual({ tenantId: tenant.id, scheduledTime: '<aws.scheduler.scheduled-time>' });
      expect(daily.target.dead_letter_config.arn).toMatch(/schedule-dlq_queue/);
    });

    it('then each schedule role may start exactly its target', () => {
      const policies = resourcesOf(json, 'aws_iam_role_policy').filter(([name]) => name.startsWith('schedules_'));
      const invokes = policies.map(([, p]) => policyDocumentOf(json, p.policy).statement[0]).sort((a, b) => b.sid.localeCompare(a.sid));
      expect(invokes).toEqual([
        { sid: 'StartHourlyWorkflow', actions: ['states:StartExecution'], resources: [expect.stringMatching(/^\$\{aws_sfn_state_machine\..+\.arn\}$/)] },
        { sid: 'InvokeDailyFunction', actions: ['lambda:InvokeFunction'], resources: [ref(fnOf('daily').function, 'arn')] },
      ]);
    });
  });

  describe('tracing', () => {
    /** X-Ray's service name pattern (`*`, `?`) as a regular expression. */
    const pattern = (glob: string) => new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);

    it("then one X-Ray sampling rule samples the tenant's functions and workflow at the tenant's rate, and no other tenant's", () => {
      const rule = onlyResource(json, 'aws_xray_sampling_rule');
      expect(rule.fixed_rate).toBe(tenant.tracing.samplingRate);
      expect(rule.rule_name.length).toBeLessThanOrEqual(32);
      const services = [...Object.values(json.resource.aws_lambda_function).map((f: any) => f.function_name), onlyResource(json, 'aws_sfn_state_machine').name];
      expect(services).toHaveLength(Object.keys(LAMBDAS).length + 1);
      for (const service of services) expect(service).toMatch(pattern(rule.service_name));
      expect(`vigil-other-${tenant.id}-ingest`).not.toMatch(pattern(rule.service_name));
    });
  });

  describe('outputs', () => {
    it('then onboarding gets the event source, account, region and the ARNs it needs', () => {
      expect(Object.keys(json.output).sort()).toEqual(
        ['archive_arn', 'aws_account_id', 'aws_region', 'event_bus_arn', 'event_source_name', 'okta_api_token_secret_arn', 'operations_topic_arn', 'refresh_user_function_name', 'state_machine_arn', 'topic_arn'].sort(),
      );
      expect(json.output.event_source_name.value).toBe(eventSourceName(tenant));
      expect(json.output.aws_account_id.value).toBe(`\${tostring("${tenant.aws.accountId}")}`);
      expect(json.output.aws_region.value).toBe(tenant.aws.region);
      expect(json.output.event_bus_arn.value).toMatch(/^\$\{aws_cloudwatch_event_bus\..+\.arn\}$/);
      expect(json.output.archive_arn.value).toMatch(/^\$\{aws_cloudwatch_event_archive\..+\.arn\}$/);
      expect(json.output.state_machine_arn.value).toMatch(/^\$\{aws_sfn_state_machine\..+\.arn\}$/);
      expect(json.output.topic_arn.value).toMatch(/^\$\{aws_sns_topic\..+\.arn\}$/);
      expect(json.output.refresh_user_function_name.value).toBe(ref(fnOf('refresh-user').function, 'function_name'));
      expect(json.output.okta_api_token_secret_arn.value).toMatch(/^\$\{aws_secretsmanager_secret\..+\.arn\}$/);
    });

    it("then the Okta API token's secret is named after the tenant, encrypted with the tenant key, and Terraform holds no value of it", () => {
      const secret = onlyResource(json, 'aws_secretsmanager_secret');
      expect(secret.name).toBe(`vigil-${tenant.id}-okta-api-token`);
      expect(secret.kms_key_id).toMatch(/^\$\{aws_kms_key\..+\.arn\}$/);
      expect(json.resource.aws_secretsmanager_secret_version).toBeUndefined();
      const env = Object.values(json.resource.aws_lambda_function as Record<string, any>).find((f) => f.function_name === `vigil-${tenant.id}-refresh-user`).environment.variables;
      expect(env.VIGIL_SECRET_OKTA_API_TOKEN).toBe(`vigil-${tenant.id}-okta-api-token`);
      expect(env.VIGIL_OKTA_ORG_URL).toBe(`https://${tenant.okta.org}.okta.com`);
    });
  });
});
