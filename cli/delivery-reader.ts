/**
 * The input of `vigil simulate`, read on a worker thread: the machine's second core reads, parses and judges the
 * records (src/okta/input.ts, as readRecords does) while the first runs the pipeline. What crosses to the pipeline's
 * thread is what the simulation needs of each record: for an event, its JSON (the line as read), what the bus's rules
 * read of it, and its times; never the parsed event. The worker reads ahead a few batches at most (the pipeline asks
 * for more as it takes them), so a large input is never held whole. Standard input is read on the pipeline's thread.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { busView } from '../local/bus';
import { envelope } from '../src/okta/fixtures';
import type { Intake, IntakeRules } from '../src/okta/input';
import type { OktaEnvelope } from '../src/okta/log-event';
import { eventSourceName, type Tenant } from '../src/tenants/schema';
import { newStats, readRecords, type InputRecord, type InputStats } from './input';

/** One input record as the simulation takes it (structured-clonable). */
export interface DeliveryRecord {
  readonly line: number;
  readonly kind: Intake['kind'];
  /** An event read already (same uuid). */
  readonly duplicate: boolean;
  /** Why it can never be delivered, when it cannot (see InputRecord). */
  readonly undeliverable?: string;
  /** An event's uuid, event time and its envelope's `time` (epoch ms; none for a bare LogEvent). */
  readonly uuid?: string;
  readonly time?: number;
  readonly delivered?: number;
  /** An event's JSON as it goes on the bus (a bare LogEvent put in an envelope), and what the bus's rules read of it. */
  readonly body?: string;
  readonly view?: unknown;
  /** A record that is JSON but no usable event of the tenant's (not Okta's, another org's): the value itself. */
  readonly value?: unknown;
  /** A record that is not JSON: the line. */
  readonly text?: string;
}

/** Where a bare LogEvent's envelope says it comes from: the tenant's partner source, account and region. */
export interface EnvelopeOrigin {
  readonly source: string;
  readonly account: string;
  readonly region: string;
}

export function envelopeOrigin(tenant: Tenant): EnvelopeOrigin {
  return { source: eventSourceName(tenant), account: tenant.aws.accountId, region: tenant.aws.region };
}

/** An event as it goes on the bus: its envelope, or a bare LogEvent put in one from `origin`. */
export function busEnvelope(v: Extract<Intake, { kind: 'event' }>, origin: EnvelopeOrigin): OktaEnvelope {
  return v.envelope ?? envelope(v.event.raw, origin);
}

export function deliveryRecord(r: InputRecord, origin: EnvelopeOrigin): DeliveryRecord {
  const { line, duplicate, undeliverable } = r;
  const v = r.verdict;
  if (undeliverable !== undefined) return { line, kind: v.kind, duplicate, undeliverable };
  if (v.kind === 'event') {
    const env = busEnvelope(v, origin);
    return { line, kind: v.kind, duplicate, uuid: v.event.uuid, time: v.event.time, delivered: v.delivered, body: v.envelope ? r.text : JSON.stringify(env), view: busView(env) };
  }
  if (v.kind === 'not-okta' || v.kind === 'foreign') return { line, kind: v.kind, duplicate, value: v.value };
  return { line, kind: v.kind, duplicate, text: r.text };
}

/** Records a message carries, and how many messages the worker may have sent ahead of what was taken. */
const BATCH = 500;
const AHEAD = 4;

interface ReaderInput {
  readonly path: string;
  readonly rules: IntakeRules;
  readonly origin: EnvelopeOrigin;
}
type ReaderMessage = { readonly records: DeliveryRecord[]; readonly stats: InputStats } | { readonly done: true; readonly stats: InputStats } | { readonly error: string; readonly code?: string };

/** Read `path` (`-`: standard input) as delivery records; `stats` is kept up to date as they are taken. */
export async function* readDeliveryRecords(path: string, stats: InputStats, rules: IntakeRules, origin: EnvelopeOrigin): AsyncGenerator<DeliveryRecord> {
  if (path === '-') {
    for await (const r of readRecords(path, stats, rules)) yield deliveryRecord(r, origin);
    return;
  }
  const worker = new Worker(`require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(__filename)});`, { eval: true, workerData: { path, rules, origin } satisfies ReaderInput });
  const inbox: ReaderMessage[] = [];
  let wake: (() => void) | undefined;
  const arrived = (m: ReaderMessage) => {
    inbox.push(m);
    wake?.();
  };
  worker.on('message', arrived);
  worker.on('error', (err) => arrived({ error: err.message }));
  worker.on('exit', (code) => arrived(code === 0 ? { error: 'the input reader stopped before the end of the input' } : { error: `the input reader exited with code ${code}` }));
  try {
    worker.postMessage(AHEAD);
    for (;;) {
      while (!inbox.length) await new Promise<void>((resolve) => (wake = resolve));
      const m = inbox.shift()!;
      // The reader's own error, as reading on this thread would have thrown it (message and code: ENOENT, EISDIR).
      if ('error' in m) throw Object.assign(new Error(m.error), m.code === undefined ? {} : { code: m.code });
      Object.assign(stats, m.stats);
      if ('done' in m) return;
      worker.postMessage(1);
      yield* m.records;
    }
  } finally {
    worker.removeAllListeners();
    await worker.terminate();
  }
}

/** The worker: reads and sends batches while it has credit (messages the pipeline's thread will take). */
async function serve(input: ReaderInput): Promise<void> {
  const port = parentPort!;
  let credit = 0;
  let resume: (() => void) | undefined;
  port.on('message', (n: number) => {
    credit += n;
    resume?.();
  });
  const stats = newStats();
  let batch: DeliveryRecord[] = [];
  const send = async () => {
    while (credit <= 0) await new Promise<void>((resolve) => (resume = resolve));
    credit--;
    port.postMessage({ records: batch, stats } satisfies ReaderMessage);
    batch = [];
  };
  try {
    for await (const r of readRecords(input.path, stats, input.rules)) {
      batch.push(deliveryRecord(r, input.origin));
      if (batch.length >= BATCH) await send();
    }
    if (batch.length) await send();
    port.postMessage({ done: true, stats } satisfies ReaderMessage);
  } catch (err) {
    const { message, code } = err as NodeJS.ErrnoException;
    port.postMessage({ error: message ?? String(err), ...(code === undefined ? {} : { code }) } satisfies ReaderMessage);
  }
  port.close();
}

if (!isMainThread && (workerData as Partial<ReaderInput> | undefined)?.path !== undefined && parentPort) void serve(workerData as ReaderInput);
