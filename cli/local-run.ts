/**
 * The local runtime for the operations commands (`status --local`, `refresh-user --local`): a file of events (as
 * `vigil generate` writes or Okta exports them) delivered to a LocalPipeline on the simulated clock, as `vigil
 * simulate` delivers it (an envelope at its `time`, a bare LogEvent 2 s after it was published).
 */
import { LocalPipeline, type LocalPipelineOptions } from '../local/runtime';
import { simulate, type SimulationResult, type TimedDelivery } from '../local/simulation';
import type { OktaLogEvent } from '../src/okta/log-event';
import { intakeRules, settingsOf } from '../src/pipeline/config';
import type { Tenant } from '../src/tenants/schema';
import { arrival, busEnvelope, envelopeOrigin } from './delivery-reader';
import { newStats, nothingRead, nothingReadMessage, readRecords } from './input';

export interface FileDeliveries {
  readonly deliveries: TimedDelivery[];
  /** Every event of the file, once: the org's System Log as Okta's API has it. */
  readonly events: OktaLogEvent[];
}

/** A file's Okta events, each with the time it reaches the bus. */
export async function fileDeliveries(file: string, tenant: Tenant): Promise<FileDeliveries> {
  const stats = newStats();
  const deliveries: TimedDelivery[] = [];
  const events: OktaLogEvent[] = [];
  const origin = envelopeOrigin(tenant);
  let at = NaN;
  for await (const r of readRecords(file, stats, intakeRules(settingsOf(tenant)))) {
    if (r.verdict.kind !== 'event') continue;
    const v = r.verdict;
    at = arrival(v.delivered, v.event.time, at);
    if (!r.duplicate) events.push(v.event.raw);
    deliveries.push({ at, event: busEnvelope(v, origin) });
  }
  if (nothingRead(stats)) throw new Error(nothingReadMessage(file, stats));
  return { deliveries, events };
}

/** A local pipeline that has been delivered the deliveries up to `until` (all by default), with its hourly runs. */
export async function runLocally(tenant: Tenant, deliveries: readonly TimedDelivery[], options: LocalPipelineOptions & { until?: number } = {}): Promise<{ pipeline: LocalPipeline; result: SimulationResult; now: number; last?: TimedDelivery }> {
  const delivered = deliveries.filter((d) => options.until === undefined || d.at < options.until);
  const pipeline = await LocalPipeline.start(tenant, options);
  try {
    const result = await simulate(pipeline, delivered, options.until === undefined ? {} : { until: options.until });
    const last = delivered.reduce<TimedDelivery | undefined>((a, d) => (!a || d.at >= a.at ? d : a), undefined);
    // The simulated clock stops at the last hourly run (which processes the last delivery's hour), or at `until` if later.
    const lastTick = result.reports.length ? Date.parse(result.reports[result.reports.length - 1].tick) : (last?.at ?? Date.now());
    const now = Math.max(lastTick, options.until ?? -Infinity);
    return { pipeline, result, now, last };
  } catch (err) {
    await pipeline.close();
    throw err;
  }
}
