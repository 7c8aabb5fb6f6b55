/**
 * Drive a local pipeline on a simulated clock: deliver events when they would reach the bus, fire the
 * hourly schedule at minute `gracePeriodMinutes` of every hour and the daily schedule at `dailyAt`,
 * and report what happened each hour.
 *
 * Empty time is free: a run that could only close an empty hour (nothing delivered since the last run,
 * and Plan's own query finds no hour pending, not even the closed one) is fast-forwarded, and so is every
 * run after it until the next delivery, since nothing changes in between. Each one is still reported.
 *
 * Deliveries come as a list (sorted here) or as a stream read as it goes (standard input): a stream is put back in
 * arrival order within a tolerance, so memory holds only the deliveries of that window, not the whole input. Or the
 * delivery side runs elsewhere and hands over the objects its stream wrote (a DeliveryFront: `vigil simulate --input
 * FILE`, ../cli/delivery-thread.ts).
 */
import type { StoredFinding } from '../src/store/findings';
import { dailyRunTime, hourlyRunMinute } from '../src/pipeline/schedules';
import { MinHeap } from '../src/min-heap';
import { DAY, HOUR, MINUTE } from '../src/time';
import { storedFindings, type LocalPipeline } from './runtime';
import type { HourlyExecution } from './state-machine';
import type { PublishedMessage } from './topic';

export interface TimedDelivery {
  readonly at: number;
  /** An EventBridge event, or undefined with `raw` set for a record that is not JSON. */
  readonly event: unknown;
  readonly raw?: string;
  /** The event's JSON when it is at hand (the input's line it was read from): the bus sends it on as it is. @default - the event serialized */
  readonly body?: string;
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

/** Deliveries in any order: a finite list, or a stream nearly in arrival order. */
export type Deliveries = readonly TimedDelivery[] | AsyncIterable<TimedDelivery>;

export interface DeliveryStats {
  /** The most deliveries held at once: the whole list for a list; for a stream, the reorder window. */
  maxBuffered: number;
  /** Stream deliveries that arrived earlier than one already delivered, by more than the tolerance: delivered at once. */
  late: number;
}

export interface SimulationResult {
  readonly reports: HourReport[];
  readonly findings: StoredFinding[];
  readonly delivery: DeliveryStats;
}

export interface SimulationOptions {
  /** Run the daily schedule too. @default false */
  readonly runDaily?: boolean;
  /**
   * Keep the clock running at least until then (epoch ms); a function is asked once every delivery is in.
   * @default - until the last event's hour (and one more) is processed
   */
  readonly until?: number | (() => number);
  readonly onHour?: (r: HourReport) => void;
  /** Skip the runs that could only close an empty hour (see above); false runs every hour's workflow, as AWS does. @default true */
  readonly fastForward?: boolean;
  /** How far out of arrival order a stream's deliveries may come and still be delivered in order. @default 15 minutes */
  readonly reorderToleranceMs?: number;
}

/**
 * A stream's deliveries in arrival order: each is held until one `tolerance` later has been read. One that comes after a
 * later delivery was already let through is late: delivered at once, at that later arrival.
 */
export async function* inArrivalOrder(source: AsyncIterable<TimedDelivery>, tolerance: number, stats: DeliveryStats): AsyncGenerator<TimedDelivery> {
  // Deliveries on (arrival, position in the input): ties keep their input order, as a stable sort does.
  const heap = new MinHeap<{ d: TimedDelivery; seq: number }>((x, y) => x.d.at < y.d.at || (x.d.at === y.d.at && x.seq < y.seq));
  let seq = 0;
  let newest = -Infinity;
  let released = -Infinity;
  for await (const d of source) {
    if (d.at < released) {
      stats.late++;
      yield { ...d, at: released };
      continue;
    }
    heap.push({ d, seq: seq++ });
    newest = Math.max(newest, d.at);
    stats.maxBuffered = Math.max(stats.maxBuffered, heap.size);
    while (heap.size > 0 && heap.peek()!.d.at <= newest - tolerance) {
      const next = heap.pop()!.d;
      released = next.at;
      yield next;
    }
  }
  for (let x = heap.pop(); x; x = heap.pop()) yield x.d;
}

/** Deliveries one at a time in arrival order, with a look at the next one. */
class Arrivals {
  private readonly it: AsyncIterator<TimedDelivery>;
  private ahead?: IteratorResult<TimedDelivery>;
  constructor(source: AsyncIterable<TimedDelivery>) {
    this.it = source[Symbol.asyncIterator]();
  }
  async peek(): Promise<TimedDelivery | undefined> {
    this.ahead ??= await this.it.next();
    return this.ahead.done ? undefined : this.ahead.value;
  }
  async take(): Promise<TimedDelivery | undefined> {
    const d = await this.peek();
    if (d) this.ahead = undefined;
    return d;
  }
}

async function* listed(deliveries: readonly TimedDelivery[]): AsyncGenerator<TimedDelivery> {
  yield* deliveries;
}

function arrivalsOf(deliveries: Deliveries, options: SimulationOptions, stats: DeliveryStats): Arrivals {
  if (!(Symbol.asyncIterator in deliveries)) {
    stats.maxBuffered = deliveries.length;
    return new Arrivals(listed([...deliveries].sort((a, b) => a.at - b.at)));
  }
  return new Arrivals(inArrivalOrder(deliveries, options.reorderToleranceMs ?? 15 * MINUTE, stats));
}

/** What was delivered before an hourly run. */
export interface DeliveredBefore {
  readonly delivered: number;
  /** When the last of them arrived (epoch ms). @default - nothing was delivered */
  readonly lastArrival?: number;
  /** Whether deliveries are still to come. */
  readonly more: boolean;
}

/**
 * The delivery side as the simulation drives it: deliveries put on the pipeline's bus here (a list or a stream), or the
 * bus and delivery stream run elsewhere with their objects handed to the pipeline (../cli/delivery-thread.ts). Either
 * way everything that arrives before an hourly run is delivered, and its objects ingested, before the run.
 */
export interface DeliveryFront {
  /** When the first delivery arrives (epoch ms); undefined when there is none. */
  first(): Promise<number | undefined>;
  /** Deliver everything that arrives before `tick` (each tick once, in order). */
  deliverBefore(tick: number): Promise<DeliveredBefore>;
  readonly stats: DeliveryStats;
}

/** Deliveries put on the pipeline's bus on this thread, in arrival order. */
function busFront(pipeline: LocalPipeline, deliveries: Deliveries, options: SimulationOptions): DeliveryFront {
  const stats: DeliveryStats = { maxBuffered: 0, late: 0 };
  const input = arrivalsOf(deliveries, options, stats);
  return {
    stats,
    first: async () => (await input.peek())?.at,
    async deliverBefore(tick) {
      let delivered = 0;
      let lastArrival: number | undefined;
      while (((await input.peek())?.at ?? Infinity) < tick) {
        const d = (await input.take())!;
        lastArrival = d.at;
        if (d.event === undefined && d.raw !== undefined) await pipeline.putRaw(d.raw, d.at);
        else await pipeline.put(d.event, d.at, d.body);
        delivered++;
      }
      return { delivered, lastArrival, more: (await input.peek()) !== undefined };
    },
  };
}

/** The hourly schedule's first run after a delivery at `arrival`: minute `gracePeriodMinutes` of the next hour. */
export function firstRunAfter(arrival: number, gracePeriodMinutes: number): number {
  return Math.floor(arrival / HOUR) * HOUR + HOUR + hourlyRunMinute(gracePeriodMinutes) * MINUTE;
}

const isFront = (d: Deliveries | DeliveryFront): d is DeliveryFront => 'deliverBefore' in d;

export async function simulate(pipeline: LocalPipeline, deliveries: Deliveries | DeliveryFront, options: SimulationOptions = {}): Promise<SimulationResult> {
  const front = isFront(deliveries) ? deliveries : busFront(pipeline, deliveries, options);
  const start = await front.first();
  if (start === undefined) return { reports: [], findings: [], delivery: front.stats };
  const grace = hourlyRunMinute(pipeline.tenant.schedule.gracePeriodMinutes) * MINUTE;
  const { hour: dh, minute: dm } = dailyRunTime(pipeline.tenant.schedule.dailyAt);
  const first = Math.floor(start / HOUR) * HOUR;
  let lastEvent = start;
  const reports: HourReport[] = [];
  const processed = new Set<string>();
  let seenMessages = 0;
  let idle = false;
  for (let tick = firstRunAfter(start, pipeline.tenant.schedule.gracePeriodMinutes); ; tick += HOUR) {
    const { delivered, lastArrival, more } = await front.deliverBefore(tick);
    if (lastArrival !== undefined) lastEvent = lastArrival;
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
    if (!more && tick > lastEvent + HOUR + grace && tick >= until(options)) break;
  }
  const findings: StoredFinding[] = [];
  for (const h of [...processed].sort()) findings.push(...(await storedFindings(pipeline, h)));
  findings.sort((a, b) => a.triggeredAt.localeCompare(b.triggeredAt) || a.id.localeCompare(b.id));
  return { reports, findings, delivery: front.stats };
}

function until(options: SimulationOptions): number {
  return typeof options.until === 'function' ? options.until() : (options.until ?? 0);
}
