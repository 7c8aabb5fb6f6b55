/**
 * A tenant's status read from AWS, in the tenant's account (src/aws/tenant-credentials.ts): EventBridge
 * (DescribeEventSource, DescribeEventBus), Step Functions (ListExecutions), SQS (the tenant's dead-letter queues:
 * ListQueues on the tenant prefix, GetQueueAttributes), CloudWatch (DescribeAlarms on the tenant prefix, in ALARM),
 * and the store (src/ops/status.ts). Works before the stack is deployed: then only the source is there.
 */
import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { DescribeEventBusCommand, DescribeEventSourceCommand, EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { ListExecutionsCommand, SFNClient } from '@aws-sdk/client-sfn';
import { GetQueueAttributesCommand, ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../src/aws/clients';
import type { TenantAws } from '../src/aws/tenant-credentials';
import { bucketName } from '../src/pipeline/buckets';
import { settingsOf } from '../src/pipeline/config';
import { TABLES, tableName, type TableName } from '../src/pipeline/tables';
import { eventSourceName, type Tenant } from '../src/tenants/schema';
import { TenantArns, tenantNames } from '../stacks/naming';
import { hoursStatus, type RunStatus, type SourceStatus, type TenantStatus } from '../src/ops/status';

/** How many of the latest hourly runs are shown. */
const RUNS_SHOWN = 5;

const notFound = (err: unknown) => err instanceof Error && err.name === 'ResourceNotFoundException';
const iso = (d?: Date) => (d ? d.toISOString() : undefined);

async function orMissing<T>(call: Promise<T>): Promise<T | undefined> {
  try {
    return await call;
  } catch (err) {
    if (notFound(err)) return undefined;
    throw err;
  }
}

/** Where the tenant's store is read. */
export interface StoreAccess {
  readonly ddb: DynamoDBDocumentClient;
  readonly s3: S3Client;
  readonly tables: Readonly<Record<TableName, string>>;
  readonly bucket: string;
}

/** The deployed tenant's store, in its account. */
export function tenantStore(tenant: Tenant, aws: TenantAws): StoreAccess {
  return {
    ddb: documentClient(new DynamoDBClient(aws.client)),
    s3: new S3Client(aws.client),
    tables: Object.fromEntries((Object.keys(TABLES) as TableName[]).map((t) => [t, tableName(tenant.id, t)])) as Record<TableName, string>,
    bucket: bucketName(tenant.id, tenant.aws.accountId),
  };
}

export async function awsTenantStatus(tenant: Tenant, aws: TenantAws, now = Date.now(), store = tenantStore(tenant, aws)): Promise<TenantStatus> {
  const names = tenantNames(tenant);
  const arns = new TenantArns(tenant.aws.region, tenant.aws.accountId);
  const events = new EventBridgeClient(aws.client);
  const sourceName = eventSourceName(tenant);

  const src = await orMissing(events.send(new DescribeEventSourceCommand({ Name: sourceName })));
  const source: SourceStatus = src
    ? { name: sourceName, state: src.State ?? 'UNKNOWN', createdBy: src.CreatedBy, createdAt: iso(src.CreationTime), expiresAt: iso(src.ExpirationTime) }
    : { name: sourceName, state: 'MISSING' };
  const bus = await orMissing(events.send(new DescribeEventBusCommand({ Name: names.eventBus })));

  const hours = bus ? await orMissing(hoursStatus(store.ddb, store.s3, { tenantId: tenant.id, tables: store.tables, bucket: store.bucket, settings: settingsOf(tenant) }, tenant, now)) : undefined;

  const executions = bus ? await orMissing(new SFNClient(aws.client).send(new ListExecutionsCommand({ stateMachineArn: arns.stateMachine(names.stateMachine), maxResults: RUNS_SHOWN }))) : undefined;
  const runs: RunStatus[] = (executions?.executions ?? []).map((e) => ({ name: e.name ?? '', status: e.status ?? 'UNKNOWN', startedAt: iso(e.startDate) ?? '', stoppedAt: iso(e.stopDate) }));

  const sqs = new SQSClient(aws.client);
  const queueUrls = bus ? ((await sqs.send(new ListQueuesCommand({ QueueNamePrefix: `${names.prefix}-` }))).QueueUrls ?? []) : [];
  const deadLetters = await Promise.all(
    queueUrls
      .filter((url) => url.endsWith('-dlq'))
      .map(async (url) => {
        const attrs = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages'] }));
        return { queue: url.slice(url.lastIndexOf('/') + 1), messages: Number(attrs.Attributes?.ApproximateNumberOfMessages ?? 0) };
      }),
  );

  const alarms = bus ? await new CloudWatchClient(aws.client).send(new DescribeAlarmsCommand({ AlarmNamePrefix: `${names.prefix}-`, StateValue: 'ALARM' })) : undefined;
  const alarmsInAlarm = [...(alarms?.MetricAlarms ?? []), ...(alarms?.CompositeAlarms ?? [])].map((a) => ({ name: a.AlarmName ?? '', reason: a.StateReason ?? '', since: iso(a.StateUpdatedTimestamp) }));

  return {
    tenant: tenant.id,
    at: new Date(now).toISOString(),
    where: `AWS account ${aws.account}, ${tenant.aws.region}`,
    source,
    bus: { name: names.eventBus, exists: !!bus, associated: !!bus && source.state === 'ACTIVE' },
    hours,
    runs,
    deadLetters: deadLetters.sort((a, b) => a.queue.localeCompare(b.queue)),
    alarmsInAlarm,
  };
}
