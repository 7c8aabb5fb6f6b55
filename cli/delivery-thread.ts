/**
 * The delivery side of `vigil simulate --input FILE` on a thread of its own: the machine's second core reads, parses
 * and judges the records (./delivery-reader.ts), puts them in arrival order, and runs the tenant bus (its rules, the
 * archive) and the delivery stream (buffering, gzip) on them, while the first core runs the pipeline (S3, ingest, the
 * hourly workflow). What crosses to the pipeline's thread is each object the stream writes (its body moved, not
 * copied), and at each hourly run's time what was delivered before it, with the bus's, archive's and stream's counts
 * and requests (merged into the pipeline's meter). The pipeline's thread writes each object to the bucket and ingests
 * it in the order written, then runs the hour: the same requests, objects, findings and notifications as with the bus
 * on its own thread (test/cli/delivery-thread.test.ts), since nothing the delivery side does reads what ingest or the
 * workflow write. The archive is appended to the pipeline's own archive file, so a replay afterwards reads it.
 * The thread works ahead a few messages at most (the pipeline asks for more as it takes them): memory does not grow
 * with the input.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { LocalArchive } from '../local/archive';
import { busRules, LocalBus, type BusStats } from '../local/bus';
import { LocalDeliveryStream, type StreamObject } from '../local/delivery-stream';
import type { DeliveryCounts as PipelineDeliveryCounts, LocalPipeline } from '../local/runtime';
import { firstRunAfter, inArrivalOrder, type DeliveredBefore, type DeliveryFront, type DeliveryStats } from '../local/simulation';
import { RequestMeter } from '../src/aws/request-meter';
import type { IntakeRules } from '../src/okta/input';
import { HOUR, MINUTE } from '../src/time';
import { deliveryRecords, newDeliveryCounts, timedDeliveries, type DeliveryCounts, type EnvelopeOrigin, type EventArrival } from './delivery-reader';
import { newStats, type InputStats } from './input';

export interface DeliveryThreadOptions {
  readonly path: string;
  readonly rules: IntakeRules;
  readonly origin: EnvelopeOrigin;
  /** The tenant's delivery stream (its objects' keys). */
  readonly streamName: string;
  /** The archive's retention (the thread appends to the pipeline's archive file: see deliverTo). */
  readonly archiveRetentionDays: number;
  /** The hourly schedule's minute (when the runs that cut deliveries happen). */
  readonly gracePeriodMinutes: number;
  /** Send each event's arrival (for a report). @default false */
  readonly arrivals?: boolean;
}

/** How far out of arrival order records may come and still be delivered in order (as the simulation's default). */
const REORDER_TOLERANCE = 15 * MINUTE;
/** Messages the thread may have sent ahead of what the pipeline took. */
const AHEAD = 16;
/**
 * The thread's heap: what it holds is the reorder window (15 minutes of arrivals: about 40 MB at the peak hour of a
 * 20,000-user day) and the stream's buffer. Left to V8's defaults it grew to 280 MB there; within these it stays near
 * 160 MB, and the whole process under 1 GB.
 */
const HEAP_LIMITS = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 12 };

/** What the thread has read and delivered so far (totals). */
interface Progress {
  readonly input: InputStats;
  readonly counts: DeliveryCounts;
  readonly delivery: DeliveryStats;
  /** Arrivals since the last message (when asked for). */
  readonly arrivals: EventArrival[];
}

/** The first message to the thread: where to deliver; then credit (numbers). */
interface Setup {
  readonly archiveFile: string;
}

type ThreadMessage =
  | { readonly start: true; readonly first?: number; readonly progress: Progress }
  | { readonly object: StreamObject }
  | { readonly tick: number; readonly before: DeliveredBefore; readonly counted: PipelineDeliveryCounts; readonly progress: Progress }
  | { readonly error: string; readonly code?: string };

/** The pipeline's side: a DeliveryFront for simulate() whose objects come from the thread. */
export class DeliveryThread implements DeliveryFront {
  /** The input as read so far, what delivering it counted, and the reorder's counts (kept up to date). */
  readonly input = newStats();
  readonly counts = newDeliveryCounts();
  readonly stats: DeliveryStats = { maxBuffered: 0, late: 0 };
  private readonly inbox: ThreadMessage[] = [];
  private wake?: () => void;
  private finished = false;
  private started?: Promise<number | undefined>;

  private pipeline?: LocalPipeline;

  private constructor(
    private readonly worker: Worker,
    private readonly onArrivals?: (arrivals: readonly EventArrival[]) => void,
  ) {
    const arrived = (m: ThreadMessage) => {
      this.inbox.push(m);
      this.wake?.();
    };
    worker.on('message', arrived);
    worker.on('error', (err: NodeJS.ErrnoException) =>
      arrived({ error: err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `the delivery thread ran out of memory (${HEAP_LIMITS.maxOldGenerationSizeMb} MB) holding 15 minutes of arrivals to put them in order: ${err.message}` : err.message }),
    );
    worker.on('exit', (code) => {
      if (!this.finished) arrived({ error: code === 0 ? 'the delivery thread stopped before the end of the input' : `the delivery thread exited with code ${code}` });
    });
  }

  /**
   * Start the thread on `options.path` (it loads while the pipeline starts); `onArrivals` is given the events' arrivals
   * as they are read. It delivers once told where (deliverTo).
   */
  static start(options: DeliveryThreadOptions, onArrivals?: (arrivals: readonly EventArrival[]) => void): DeliveryThread {
    const worker = new Worker(`require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(__filename)});`, { eval: true, workerData: options, resourceLimits: HEAP_LIMITS });
    return new DeliveryThread(worker, onArrivals);
  }

  /** Deliver to `pipeline`: its archive's file is appended to, its bucket gets the objects. */
  deliverTo(pipeline: LocalPipeline): this {
    this.pipeline = pipeline;
    this.worker.postMessage({ archiveFile: pipeline.archive.file } satisfies Setup);
    this.worker.postMessage(AHEAD);
    return this;
  }

  private async next(): Promise<ThreadMessage> {
    while (!this.inbox.length) await new Promise<void>((resolve) => (this.wake = resolve));
    const m = this.inbox.shift()!;
    // The thread's own error, as reading on this thread would have thrown it (message and code: ENOENT, EISDIR).
    if ('error' in m) throw Object.assign(new Error(m.error), m.code === undefined ? {} : { code: m.code });
    this.worker.postMessage(1);
    if ('progress' in m) {
      Object.assign(this.input, m.progress.input);
      Object.assign(this.counts, m.progress.counts);
      Object.assign(this.stats, m.progress.delivery);
      if (m.progress.arrivals.length) this.onArrivals?.(m.progress.arrivals);
    }
    return m;
  }

  /** When the first delivery arrives, once the thread has read up to it (or the whole input, when there is none). */
  first(): Promise<number | undefined> {
    return (this.started ??= this.start());
  }

  private async start(): Promise<number | undefined> {
    const m = await this.next();
    if (!('start' in m)) throw new Error('the delivery thread did not start with the first delivery');
    if (m.first === undefined) this.finished = true;
    return m.first;
  }

  async deliverBefore(tick: number): Promise<DeliveredBefore> {
    if (this.finished) return { delivered: 0, more: false };
    for (;;) {
      const m = await this.next();
      if ('object' in m) {
        await this.pipeline!.putDeliveredObject(m.object);
        continue;
      }
      if (!('tick' in m) || m.tick !== tick) throw new Error(`the delivery thread is out of step with the hourly runs (at ${'tick' in m ? new Date(m.tick).toISOString() : 'its start'}, the run at ${new Date(tick).toISOString()})`);
      this.pipeline!.countDelivery(m.counted);
      if (!m.before.more) this.finished = true;
      return m.before;
    }
  }

  async close(): Promise<void> {
    this.finished = true;
    this.worker.removeAllListeners();
    await this.worker.terminate();
  }
}

/** The thread: reads, delivers and sends while it has credit (messages the pipeline's thread will take). */
async function serve(options: DeliveryThreadOptions): Promise<void> {
  const port = parentPort!;
  let credit = 0;
  let resume: (() => void) | undefined;
  const setup = new Promise<Setup>((resolve) =>
    port.on('message', (m: number | Setup) => {
      if (typeof m !== 'number') return resolve(m);
      credit += m;
      resume?.();
    }),
  );
  const send = async (m: ThreadMessage, transfer: ArrayBuffer[] = []) => {
    while (credit <= 0) await new Promise<void>((resolve) => (resume = resolve));
    credit--;
    port.postMessage(m, transfer);
  };

  const input = newStats();
  const counts = newDeliveryCounts();
  const delivery: DeliveryStats = { maxBuffered: 0, late: 0 };
  let arrivals: EventArrival[] = [];
  const progress = (): Progress => {
    const p = { input, counts, delivery, arrivals };
    arrivals = [];
    return p;
  };

  const meter = new RequestMeter();
  const archive = new LocalArchive(options.archiveRetentionDays, (await setup).archiveFile);
  // The object's body is moved to the pipeline's thread, not copied (a buffer of its own: gzip's output may share one).
  const stream = new LocalDeliveryStream({ name: options.streamName, meter, write: ({ key, body, time }) => {
    const own = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength ? body : body.slice();
    return send({ object: { key, body: own, time } }, [own.buffer as ArrayBuffer]);
  } });
  const bus = new LocalBus(busRules(), { deliveryStream: (body, at) => stream.put(body, at), archive: (body, at) => archive.append(body, at) }, meter);
  const counted = (): PipelineDeliveryCounts => {
    const usage = meter.usage();
    meter.reset();
    return { bus: { ...bus.stats } satisfies BusStats, delivery: { ...stream.stats }, archived: archive.archived, usage };
  };

  try {
    const records = deliveryRecords(options.path, input, options.rules, options.origin);
    const ordered = inArrivalOrder(timedDeliveries(records, counts, options.arrivals ? (a) => arrivals.push(a) : undefined), REORDER_TOLERANCE, delivery);
    let tick: number | undefined;
    let delivered = 0;
    let lastArrival: number | undefined;
    // At the hourly run's time: the stream writes what it holds (the run drains it), and the run is told what came before it.
    const closeTick = async (more: boolean) => {
      await stream.flush();
      if (!more) archive.close();
      await send({ tick: tick!, before: { delivered, lastArrival, more }, counted: counted(), progress: progress() });
      tick! += HOUR;
      delivered = 0;
      lastArrival = undefined;
    };
    for await (const d of ordered) {
      if (tick === undefined) {
        tick = firstRunAfter(d.at, options.gracePeriodMinutes);
        await send({ start: true, first: d.at, progress: progress() });
      }
      while (d.at >= tick) await closeTick(true);
      lastArrival = d.at;
      delivered++;
      if (d.event === undefined && d.raw !== undefined) await stream.put(d.raw, d.at);
      else await bus.put(d.event, d.at, d.body);
    }
    if (tick === undefined) {
      archive.close();
      await send({ start: true, progress: progress() });
    } else await closeTick(false);
  } catch (err) {
    const { message, code } = err as NodeJS.ErrnoException;
    port.postMessage({ error: message ?? String(err), ...(code === undefined ? {} : { code }) } satisfies ThreadMessage);
  }
  port.close();
}

if (!isMainThread && (workerData as Partial<DeliveryThreadOptions> | undefined)?.streamName !== undefined && parentPort) void serve(workerData as DeliveryThreadOptions);
