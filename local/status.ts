/**
 * A local pipeline's status, for `vigil status --local`: the same report as from AWS (src/ops/status.ts), with the
 * local parts in place of AWS's. The local bus has no partner event source to wait for; runs are the simulation's;
 * dead letters are the local queues'; CloudWatch alarms are not evaluated locally. Arrivals are on the simulated
 * clock: the last delivery's time stands for when the last event was received.
 */
import { settingsOf } from '../src/pipeline/config';
import { hoursStatus, type TenantStatus } from '../src/ops/status';
import { eventSourceName } from '../src/tenants/schema';
import { tenantNames } from '../stacks/naming';
import type { LocalPipeline } from './runtime';
import type { HourReport } from './simulation';

/** How many of the latest hourly runs are shown. */
const RUNS_SHOWN = 5;

export async function localTenantStatus(pipeline: LocalPipeline, reports: readonly HourReport[], now: number, lastDelivery?: { at: number; published: string }): Promise<TenantStatus> {
  const tenant = pipeline.tenant;
  const stored = await hoursStatus(pipeline.ddb, pipeline.s3, { tenantId: tenant.id, tables: pipeline.tables, bucket: pipeline.bucket, settings: settingsOf(tenant) }, tenant, now);
  const hours = lastDelivery
    ? { ...stored, lastReceivedAt: new Date(lastDelivery.at).toISOString(), lastEventPublished: lastDelivery.published, delaySeconds: Math.max(0, Math.round((lastDelivery.at - Date.parse(lastDelivery.published)) / 1000)) }
    : stored;
  return {
    tenant: tenant.id,
    at: new Date(now).toISOString(),
    where: 'local runtime',
    // The local bus takes events directly: there is no partner source to wait for.
    source: { name: eventSourceName(tenant), state: 'ACTIVE' },
    bus: { name: tenantNames(tenant).eventBus, exists: true, associated: true },
    hours,
    runs: reports
      .filter((r) => r.execution)
      .slice(-RUNS_SHOWN)
      .map((r) => ({ name: `hourly ${r.tick}`, status: r.execution!.status, startedAt: r.tick })),
    deadLetters: [{ queue: `${tenantNames(tenant).prefix} dead-letter queues`, messages: pipeline.deadLetters.length }],
  };
}
