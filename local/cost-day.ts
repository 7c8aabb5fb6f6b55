/**
 * The cost model's measurement: a generated day run through the local runtime with every hourly run
 * executed (as AWS runs them), its requests counted, then one empty hourly run counted on its own, and
 * what the day left stored measured. `monthlyBill` (src/cost/bill.ts) prices the result.
 */
import { ListObjectsCommand } from '@aws-sdk/client-s3';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { SIMULATION } from '../src/aws/request-meter';
import { dailyRunTime } from '../src/pipeline/schedules';
import type { CostInputs } from '../src/cost/bill';
import { eventSourceName, type Tenant } from '../src/tenants/schema';
import { DAY, HOUR, MINUTE } from '../src/time';
import { generateDay } from './generator';
import { LocalPipeline } from './runtime';
import { simulate } from './simulation';
import { tenantResources } from './tenant-resources';

/** DynamoDB counts 100 bytes of overhead per item towards storage. */
const ITEM_OVERHEAD_BYTES = 100;

export interface CostDayOptions {
  readonly tenant: Tenant;
  /** Users of the generated day. @default as many as make about `eventsPerDay` events */
  readonly users?: number;
  /** @default 27,000 (about a 1,000-user day) when `users` is not given */
  readonly eventsPerDay?: number;
  /** @default 2026-11-02 */
  readonly day?: string;
  /** Inject the generator's attacks (they need a few hundred users). @default true */
  readonly attacks?: boolean;
}

export interface CostDay {
  readonly inputs: CostInputs;
  readonly users: number;
  readonly day: string;
  /** Wall time of the simulated day, in seconds. */
  readonly seconds: number;
}

/** Users that make about `events` events in a generated day (measured on a sample day, not assumed). */
export function usersFor(events: number, tenant: Tenant, day: string): number {
  const sample = 100;
  const generated = generateDay({ day, org: tenant.okta.org, source: eventSourceName(tenant), users: sample, attacks: false });
  return Math.max(1, Math.round((events / generated.events.length) * sample));
}

export async function measureDay(options: CostDayOptions): Promise<CostDay> {
  const { tenant } = options;
  const day = options.day ?? '2026-11-02';
  const users = options.users ?? usersFor(options.eventsPerDay ?? 27_000, tenant, day);
  const generated = generateDay({ day, org: tenant.okta.org, source: eventSourceName(tenant), users, attacks: options.attacks });
  const pipeline = await LocalPipeline.start(tenant);
  try {
    const started = performance.now();
    const { reports } = await simulate(pipeline, generated.deliveries, { fastForward: false });
    const { hour, minute } = dailyRunTime(tenant.schedule.dailyAt);
    const nextDay = Date.parse(`${day}T00:00:00Z`) + DAY;
    await pipeline.runDaily(new Date(nextDay + hour * HOUR + minute * MINUTE).toISOString());
    const seconds = (performance.now() - started) / 1000;
    const dayUsage = pipeline.meter.usage();
    const stored = await storedBytes(pipeline);

    // An hour with nothing in it, well after the day (and its late events) is done.
    pipeline.meter.reset();
    const lastTick = Date.parse(reports[reports.length - 1].tick);
    await pipeline.runHourly(new Date(lastTick + 2 * HOUR).toISOString());
    const emptyHour = pipeline.meter.usage();

    const inputs: CostInputs = {
      day: dayUsage,
      events: pipeline.bus.received,
      hourlyRuns: reports.length,
      emptyHour,
      stored,
      retentionDays: tenant.retentionDays,
      archiveRetentionDays: tenant.archive.retentionDays,
      samplingRate: tenant.tracing.samplingRate,
      resources: tenantResources(tenant),
    };
    return { inputs, users, day, seconds };
  } finally {
    await pipeline.close();
  }
}

/** An attribute value's size as DynamoDB counts it: names and strings in UTF-8, binary as is, numbers by their digits, 3 bytes per list or map. */
function valueSize(v: unknown): number {
  if (typeof v === 'string') return Buffer.byteLength(v);
  if (typeof v === 'number') return Math.ceil(String(v).replace(/[-.]/g, '').length / 2) + 1;
  if (v instanceof Uint8Array) return v.byteLength;
  if (v instanceof Set) return [...v].reduce((n: number, x) => n + valueSize(x), 0);
  if (Array.isArray(v)) return 3 + v.reduce((n: number, x) => n + 1 + valueSize(x), 0);
  if (v && typeof v === 'object') return 3 + Object.entries(v).reduce((n, [k, x]) => n + Buffer.byteLength(k) + valueSize(x), 0);
  return 1;
}

/** What the tables and the bucket hold, as DynamoDB and S3 bill storage (not counted as the pipeline's requests). */
async function storedBytes(pipeline: LocalPipeline): Promise<CostInputs['stored']> {
  return pipeline.meter.within(SIMULATION, async () => {
    let dynamoBytes = 0;
    for (const table of Object.values(pipeline.tables)) {
      let start: Record<string, unknown> | undefined;
      do {
        const page = await pipeline.ddb.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
        for (const item of page.Items ?? []) dynamoBytes += valueSize(item) + ITEM_OVERHEAD_BYTES;
        start = page.LastEvaluatedKey;
      } while (start);
    }
    let s3Bytes = 0;
    let marker: string | undefined;
    for (;;) {
      const page = await pipeline.s3.send(new ListObjectsCommand({ Bucket: pipeline.bucket, Marker: marker }));
      for (const o of page.Contents ?? []) s3Bytes += o.Size ?? 0;
      if (!page.IsTruncated || !page.Contents?.length) break;
      marker = page.Contents[page.Contents.length - 1].Key;
    }
    return { dynamoBytes, s3Bytes };
  });
}
