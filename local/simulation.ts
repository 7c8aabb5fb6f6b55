/**
 * Drive a local pipeline on a simulated clock: deliver events when they would reach the bus, fire the
 * hourly schedule at minute `gracePeriodMinutes` of every hour and the daily schedule at `dailyAt`,
 * and report what happened each hour.
 *
 * Empty time is free: a run that could only close an empty hour (nothing delivered since the last run,
 * and Plan's own query finds no hour pending, not even the closed one) is fast-forwarded, and so is every
 * run after it until the next delivery, since nothing changes in between. Each one is still reported.
 */
import type { StoredFinding } from '../src/store/findings';
import { dailyRunTime, hourlyRunMinute } from '../src/pipeline/schedules';
import { DAY, HOUR, MINUTE } from '../src/time';
import { storedFindings, type LocalPipeline } from './runtime';
import type { HourlyExecution } from './state-machine';
import type { PublishedMessage } from './topic';

export interface TimedDelivery {
  readonly at: number;
  /** An EventBridge event, or undefined with `raw` set for a record that is not JSON. */
  readonly event: unknown;
  readonly raw?: string;
}

export interface HourReport {
  /** The schedule's firing time. */
  readonly tick: string;
  readonly delivered: number;
  /** The workflow's execution. @default - none: the run was fast-forwarded */
  readonly execution?: HourlyExecution;
  /** The run would only have closed an empty hour, so it was skipped. @default false */
  readonly fastForwarded?: boolean;
  /** Hours the workflow processed in this run (the closed hour, plus any reprocessed). */
  readonly hours: ReadonlyArray<{ hour: string; status: string; events: number; findings: number; published: number }>;
  /** Notifications published since the previous tick: near-time ones as events arrived, then the hourly ones. */
  readonly notifications: readonly PublishedMessage[];
  readonly daily?: { day: string; users: number; events: number; findings: number };
}

export interface SimulationResult {
  readonly reports: HourReport[];
  readonly findings: StoredFinding[];
}

export interface SimulationOptions {
  /** Run the daily schedule too. @default false */
  readonly runDaily?: boolean;
  /** Keep the clock running at least until then (epoch ms). @default - until the last event's hour (and one more) is processed */
  readonly until?: number;
  readonly onHour?: (r: HourReport) => void;
  /** Skip the runs that could only close an empty hour (see above); false runs every hour's workflow, as AWS does. @default true */
  readonly fastForward?: boolean;
}

export async function simulate(pipeline: LocalPipeline, deliveries: readonly TimedDelivery[], options: SimulationOptions = {}): Promise<SimulationResult> {
  const sorted = [...deliveries].sort((a, b) => a.at - b.at);
  if (!sorted.length) return { reports: [], findings: [] };
  const grace = hourlyRunMinute(pipeline.tenant.schedule.gracePeriodMinutes) * MINUTE;
  const { hour: dh, minute: dm } = dailyRunTime(pipeline.tenant.schedule.dailyAt);
  const first = Math.floor(sorted[0].at / HOUR) * HOUR;
  const lastEvent = sorted[sorted.length - 1].at;
  const reports: HourReport[] = [];
  const processed = new Set<string>();
  let next = 0;
  let seenMessages = 0;
  let idle = false;
  for (let tick = first + HOUR + grace; ; tick += HOUR) {
    let delivered = 0;
    while (next < sorted.length && sorted[next].at < tick) {
      const d = sorted[next++];
      if (d.event === undefined && d.raw !== undefined) pipeline.enqueueRaw(d.raw);
      else await pipeline.put(d.event);
      delivered++;
    }
    if (delivered) idle = false;
    else if (options.fastForward !== false && !idle) idle = !(await pipeline.pendingHours(new Date(tick).toISOString())).length;
    const execution = idle ? undefined : await pipeline.runHourly(new Date(tick).toISOString());
    const hours = ((execution?.output ?? {}) as { hours?: HourReport['hours'] }).hours ?? [];
    for (const h of hours) processed.add(h.hour);
    let daily: HourReport['daily'];
    const tickDate = new Date(tick);
    const dailyTime = Date.UTC(tickDate.getUTCFullYear(), tickDate.getUTCMonth(), tickDate.getUTCDate(), dh, dm);
    // The daily job summarises the previous day; skip days before the simulation starts.
    if (options.runDaily && dailyTime <= tick && dailyTime > tick - HOUR && dailyTime >= first + DAY - (first % DAY)) {
      const r = await pipeline.runDaily(new Date(dailyTime).toISOString());
      daily = { day: r.day, users: r.users, events: r.events, findings: r.findings };
    }
    const report: HourReport = { tick: new Date(tick).toISOString(), delivered, execution, fastForwarded: idle, hours, notifications: pipeline.published.slice(seenMessages), daily };
    seenMessages = pipeline.published.length;
    reports.push(report);
    options.onHour?.(report);
    // Run until every event is delivered and its hour (plus one for late arrivals) is processed.
    if (next >= sorted.length && tick > lastEvent + HOUR + grace && tick >= (options.until ?? 0)) break;
  }
  const findings: StoredFinding[] = [];
  for (const h of [...processed].sort()) findings.push(...(await storedFindings(pipeline, h)));
  findings.sort((a, b) => a.triggeredAt.localeCompare(b.triggeredAt) || a.id.localeCompare(b.id));
  return { reports, findings };
}
