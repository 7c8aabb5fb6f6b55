/**
 * The input of `vigil simulate` as it reaches the bus: each record read (src/okta/input.ts, as readRecords does) turned
 * into what the simulation needs of it (for an event, its JSON as read, what the bus's rules read of it, and its times;
 * never the parsed event), and given the time it arrives. A file's records are read and delivered on a thread of their
 * own (./delivery-thread.ts); standard input on the pipeline's thread.
 */
import { busView } from '../local/bus';
import type { TimedDelivery } from '../local/simulation';
import { envelope } from '../src/okta/fixtures';
import type { Intake, IntakeRules } from '../src/okta/input';
import type { OktaEnvelope } from '../src/okta/log-event';
import { eventSourceName, type Tenant } from '../src/tenants/schema';
import { readRecords, type InputRecord, type InputStats } from './input';

/** One input record as the simulation takes it. */
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

/** The records of `path` (`-`: standard input) as the simulation takes them; `stats` is kept up to date as they are read. */
export async function* deliveryRecords(path: string, stats: InputStats, rules: IntakeRules, origin: EnvelopeOrigin): AsyncGenerator<DeliveryRecord> {
  for await (const r of readRecords(path, stats, rules)) yield deliveryRecord(r, origin);
}

/** Seconds between an event and its arrival on the bus when the record does not say (a bare LogEvent). */
const BARE_EVENT_DELAY = 2_000;

/**
 * When a record reaches the bus: an envelope at its `time` (what EventBridge stamps on delivery; `vigil generate`
 * writes late and duplicate deliveries that way), a bare LogEvent 2 s after it was published, anything else with the
 * record before it.
 */
export function arrival(stamped: number | undefined, eventTime: number | undefined, previous: number): number {
  if (stamped !== undefined) return stamped;
  return eventTime === undefined ? previous : eventTime + BARE_EVENT_DELAY;
}

/** What turning records into deliveries counted. */
export interface DeliveryCounts {
  /** Records handed to the pipeline for ingest to quarantine (not JSON; another org's). */
  quarantined: number;
  /** Records never delivered: EventBridge would refuse them, or out of range (set aside by the reader). */
  undeliverable: number;
  /** The latest event time of the events read (epoch ms; -Infinity before the first). */
  lastEvent: number;
}

export const newDeliveryCounts = (): DeliveryCounts => ({ quarantined: 0, undeliverable: 0, lastEvent: -Infinity });

/** An event's arrival, for a report: its uuid, when it reached the bus and when it was published (epoch ms). */
export type EventArrival = readonly [uuid: string, at: number, published: number];

/**
 * The records as deliveries, in input order, each at the time it reaches the bus (see arrival); records before the first
 * timestamped one arrive with it. `onEvent` is told each event's arrival once (not its copies).
 */
export async function* timedDeliveries(records: AsyncIterable<DeliveryRecord>, counts: DeliveryCounts, onEvent?: (arrival: EventArrival) => void): AsyncGenerator<TimedDelivery> {
  let at = NaN;
  const untimed: TimedDelivery[] = [];
  for await (const r of records) {
    let d: TimedDelivery;
    if (r.undeliverable) {
      counts.undeliverable++;
      continue;
    }
    if (r.kind === 'event') {
      const time = r.time!;
      at = arrival(r.delivered, time, at);
      if (!r.duplicate) {
        counts.lastEvent = Math.max(counts.lastEvent, time);
        onEvent?.([r.uuid!, at, time]);
      }
      // An envelope goes on the bus as the line it was read from (a bare LogEvent put in one): what waits for its
      // turn is that JSON and what the bus's rules read of the event, not the parsed event.
      d = { at, event: r.view, body: r.body };
    } else if (r.kind === 'not-okta') {
      // With the record before it (its own time is not to be trusted): the bus matches it to no rule.
      d = { at, event: r.value };
    } else if (r.kind === 'foreign') {
      // With the record before it: ingest sets it aside as another org's.
      counts.quarantined++;
      d = { at, event: r.value };
    } else {
      counts.quarantined++;
      d = { at, event: undefined, raw: r.text };
    }
    if (!Number.isFinite(at)) {
      untimed.push(d);
      continue;
    }
    while (untimed.length) yield { ...untimed.shift()!, at };
    yield d;
  }
}
