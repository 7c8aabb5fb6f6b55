/**
 * `vigil status`, in the onboarding order: before Okta created the source, before deploy, after deploy. EventBridge,
 * Step Functions, SQS, CloudWatch and STS have no local implementation: their answers are mocked with
 * aws-sdk-client-mock. The store's part runs against the local runtime's DynamoDB and S3.
 */
import { join } from 'node:path';
import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { DescribeEventBusCommand, DescribeEventSourceCommand, EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { ListExecutionsCommand, SFNClient } from '@aws-sdk/client-sfn';
import { GetQueueAttributesCommand, ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { awsTenantStatus } from '../../cli/aws-status';
import { statusCommand } from '../../cli/status';
import { LocalPipeline } from '../../local/runtime';
import { tenantAws } from '../../src/aws/tenant-credentials';
import { formatStatus } from '../../src/ops/status';
import { failedSignIns, normalSignIns, testTenant, wrap } from '../pipeline/helpers';
import { capture, ndjsonFile } from '../cli-support';

const tenant = testTenant();
const SOURCE = 'aws.partner/okta.com/testco/vigil-test';
const NOW = Date.parse('2026-11-02T12:20:00Z');
const notFound = (what: string) => Object.assign(new Error(`${what} does not exist.`), { name: 'ResourceNotFoundException' });

describe('vigil status', () => {
  const sts = mockClient(STSClient);
  const events = mockClient(EventBridgeClient);
  const sfn = mockClient(SFNClient);
  const sqs = mockClient(SQSClient);
  const cloudwatch = mockClient(CloudWatchClient);
  beforeEach(() => {
    for (const m of [sts, events, sfn, sqs, cloudwatch]) m.reset();
    sts.on(GetCallerIdentityCommand).resolves({ Account: tenant.aws.accountId, Arn: `arn:aws:iam::${tenant.aws.accountId}:user/ops` });
  });
  const reach = () => tenantAws(tenant, 'status', { credentials: async () => ({ accessKeyId: 'AKID', secretAccessKey: 's' }) });

  it('given Okta has not created the partner event source, when the status is asked, then it says to enter the details in Okta first', async () => {
    events.on(DescribeEventSourceCommand).rejects(notFound('Event source'));
    events.on(DescribeEventBusCommand).rejects(notFound('Event bus'));

    const lines = formatStatus(await awsTenantStatus(tenant, await reach(), NOW));

    expect(lines[1]).toBe(`  event source  ${SOURCE}: MISSING`);
    expect(lines.at(-1)).toMatch(/next +Okta has not created the partner event source yet: enter the account, region and event source name in Okta first \(vigil onboard --tenant testco\)/);
  });

  it('given the source Okta created, before deploy, when the status is asked, then it shows the source pending, when it expires, and says to deploy now', async () => {
    events.on(DescribeEventSourceCommand, { Name: SOURCE }).resolves({ Name: SOURCE, State: 'PENDING', CreatedBy: 'okta.com', CreationTime: new Date('2026-11-02T10:00:00Z'), ExpirationTime: new Date('2026-11-12T10:00:00Z') });
    events.on(DescribeEventBusCommand).rejects(notFound('Event bus'));

    const s = await awsTenantStatus(tenant, await reach(), NOW);

    expect(s).toMatchObject({ source: { state: 'PENDING', expiresAt: '2026-11-12T10:00:00.000Z' }, bus: { exists: false, associated: false }, hours: undefined, runs: [] });
    const lines = formatStatus(s);
    expect(lines[1]).toContain('PENDING, created 2026-11-02 10:00 by okta.com, expires 2026-11-12 10:00 (in 9.9 days) unless a bus is associated');
    expect(lines[2]).toBe('  event bus     does not exist (not deployed)');
    expect(lines.at(-1)).toContain('deploy now (npx cdktf deploy tenant-testco)');
    // Nothing deployed is asked about.
    expect(sfn.calls()).toHaveLength(0);
    expect(sqs.calls()).toHaveLength(0);
  });

  describe('after deploy', () => {
    let p: LocalPipeline;
    beforeEach(async () => {
      p = await LocalPipeline.start(tenant);
    });
    afterEach(() => p.close());

    it('given events flowing, a failed run, a dead letter and an alarm, when the status is asked, then each is reported', async () => {
      for (const e of [...normalSignIns('2026-11-02T10:00:00Z', 3), ...failedSignIns('2026-11-02T11:05:00Z', 2)]) await p.put(wrap(e));
      await p.runHourly('2026-11-02T11:15:00Z');
      events.on(DescribeEventSourceCommand).resolves({ Name: SOURCE, State: 'ACTIVE', CreatedBy: 'okta.com', CreationTime: new Date('2026-11-01T10:00:00Z') });
      events.on(DescribeEventBusCommand, { Name: SOURCE }).resolves({ Name: SOURCE, Arn: `arn:aws:events:us-east-1:123456789012:event-bus/${SOURCE}` });
      sfn.on(ListExecutionsCommand).resolves({
        executions: [
          { executionArn: 'e2', stateMachineArn: 'sm', name: 'run-2', status: 'FAILED', startDate: new Date('2026-11-02T12:15:00Z'), stopDate: new Date('2026-11-02T12:16:00Z') },
          { executionArn: 'e1', stateMachineArn: 'sm', name: 'run-1', status: 'SUCCEEDED', startDate: new Date('2026-11-02T11:15:00Z'), stopDate: new Date('2026-11-02T11:16:00Z') },
        ],
      });
      const url = (q: string) => `https://sqs.us-east-1.amazonaws.com/123456789012/vigil-testco-${q}`;
      sqs.on(ListQueuesCommand, { QueueNamePrefix: 'vigil-testco-' }).resolves({ QueueUrls: [url('delivery-dlq'), url('ingest-buffer'), url('ingest-buffer-dlq')] });
      sqs.on(GetQueueAttributesCommand, { QueueUrl: url('delivery-dlq') }).resolves({ Attributes: { ApproximateNumberOfMessages: '0' } });
      sqs.on(GetQueueAttributesCommand, { QueueUrl: url('ingest-buffer-dlq') }).resolves({ Attributes: { ApproximateNumberOfMessages: '2' } });
      cloudwatch.on(DescribeAlarmsCommand, { AlarmNamePrefix: 'vigil-testco-', StateValue: 'ALARM' }).resolves({ MetricAlarms: [{ AlarmName: 'vigil-testco-dead-letters', StateReason: 'Threshold Crossed: 1 datapoint [2.0] was greater than 0.0', StateUpdatedTimestamp: new Date('2026-11-02T12:00:00Z') }] });

      const s = await awsTenantStatus(tenant, await reach(), NOW, { ddb: p.ddb, s3: p.s3, tables: p.tables, bucket: p.bucket });

      expect(s.bus).toEqual({ name: SOURCE, exists: true, associated: true });
      // Hour 11 closed at 12:15, and that run failed: it waits for the next one.
      expect(s.hours).toMatchObject({ lastEventPublished: '2026-11-02T11:06:00.000Z', pending: ['2026-11-02T11'], stuck: [] });
      expect(s.hours!.recent.map((h) => [h.hour, h.status, h.events])).toEqual([
        ['2026-11-02T10', 'DONE', 3],
        ['2026-11-02T11', 'OPEN', 2],
      ]);
      expect(s.runs.map((r) => r.status)).toEqual(['FAILED', 'SUCCEEDED']);
      expect(s.deadLetters).toEqual([
        { queue: 'vigil-testco-delivery-dlq', messages: 0 },
        { queue: 'vigil-testco-ingest-buffer-dlq', messages: 2 },
      ]);
      const lines = formatStatus(s);
      expect(lines).toContain('  dead letters  vigil-testco-delivery-dlq 0, vigil-testco-ingest-buffer-dlq 2');
      expect(lines).toContain('  alarms        vigil-testco-dead-letters IN ALARM since 2026-11-02 12:00: Threshold Crossed: 1 datapoint [2.0] was greater than 0.0');
      expect(lines.at(-1)).toBe('  next          Events flow, with problems above to look at.');
    });

    it('given hours the clock has closed that no run processed, and a run that died holding an hour, when the status is asked, then they are pending and stuck', async () => {
      for (const e of normalSignIns('2026-11-02T08:00:00Z', 1)) await p.put(wrap(e));
      await p.drain();
      await p.ddb.send(new (await import('@aws-sdk/lib-dynamodb')).PutCommand({ TableName: p.tables.hours, Item: { tenant: tenant.id, hour: '2026-11-02T09', status: 'RUNNING', runStartedAt: '2026-11-02T10:15:00.000Z', events: 4 } }));

      const { hoursStatus } = await import('../../src/ops/status');
      const h = await hoursStatus(p.ddb, p.s3, { tenantId: tenant.id, tables: p.tables, bucket: p.bucket, settings: { detections: {}, gracePeriodMinutes: 15, retentionDays: 30 } }, tenant, NOW);

      expect(h.pending).toEqual(['2026-11-02T08']);
      expect(h.stuck).toEqual(['2026-11-02T09']);
    });
  });

  it('given a file run through the local runtime, when `vigil status --local` is asked, then the same report comes from the local pipeline', async () => {
    const file = ndjsonFile([...normalSignIns('2026-11-02T09:00:00Z', 3), ...failedSignIns('2026-11-02T10:05:00Z', 2)].map((e) => JSON.stringify(e)));
    const io = capture();

    const code = await statusCommand({ tenant: 'acme', local: file, tenantsDir: join(__dirname, '../../tenants') }, io);

    expect(code).toBe(0);
    expect(io.stdout[0]).toBe('acme (local runtime) at 2026-11-02 12:15 UTC');
    expect(io.stdout).toContain('  event source  aws.partner/okta.com/acme/vigil-acme: ACTIVE');
    expect(io.stdout).toContain('  last event    received 2026-11-02 10:06 (2.1 h ago), published 2026-11-02 10:06: 2 s on the way');
    expect(io.stdout.find((l) => l.startsWith('  hours'))).toMatch(/^  hours         0 pending, 0 stuck; newest: 09h DONE 3, 10h DONE 2$/);
    expect(io.stdout.find((l) => l.startsWith('  hourly runs'))).toMatch(/10:15 SUCCEEDED, 11:15 SUCCEEDED$/);
    expect(io.stdout.at(-1)).toBe('  next          Events flow.');
  });
});
