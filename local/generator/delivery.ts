/**
 * How the day's events reach the bus: at least once, a few seconds after they happen; some late, some twice; some
 * carrying Okta's quirks (an empty client, a null security context, a null target); plus broken records and an
 * event from another source that the pipeline must survive.
 */
import { envelope, logEvent, withQuirks } from '../../src/okta/fixtures';
import type { OktaLogEvent } from '../../src/okta/log-event';
import { HOUR, MINUTE } from '../../src/time';
import type { Day } from './day';

export interface Delivery {
  /** When the event reaches the bus (epoch ms). */
  readonly at: number;
  /** An EventBridge envelope, or a raw line that is not valid JSON. */
  readonly event: unknown;
  readonly raw?: string;
}

interface DeliveryOptions {
  /** The partner event source named in the envelopes. */
  readonly source: string;
  /** Share of events delivered 20-80 minutes late. */
  readonly lateRate: number;
  /** Share of events delivered a second time, up to 10 minutes after the first. */
  readonly duplicateRate: number;
}

/**
 * Okta's quirks an event may carry, 1% each: an empty client, a null security context, a null target. Okta sends
 * `target: null` on sign-in and session events, never on a change to an object (a policy, a user, a group), whose
 * target is what the change is about: those keep theirs.
 */
function quirkOf(q: number, eventType: string): Planned['quirk'] {
  if (q < 0.01) return { emptyClient: true };
  if (q < 0.02) return { nullSecurity: true };
  return q < 0.03 && TARGETLESS.test(eventType) ? { nullTarget: true } : undefined;
}

/** Event types Okta may send without a target. */
const TARGETLESS = /^(user\.session\.|user\.authentication\.|policy\.evaluate_sign_on$)/;

/** One delivery as planned: when, which of the day's events (or which broken record), with which quirk. */
interface Planned {
  readonly at: number;
  /** Index into the day's events, or -1 - k for the k-th broken record. */
  readonly event: number;
  readonly quirk?: Parameters<typeof withQuirks>[1];
}

/**
 * Every event of the day in envelopes, with the broken records, in the order they reach the bus. The day's events
 * must be in time order (`byTime`). Who arrives when is drawn now; each envelope is built as it is read, so
 * that a large day is never held as LogEvents all at once.
 */
export function deliver(day: Day, options: DeliveryOptions): Deliveries {
  const { rnd } = day;
  const planned: Planned[] = [];
  for (const [i, e] of day.events.entries()) {
    const quirk = quirkOf(rnd(), e.eventType);
    const t = Math.trunc(e.at);
    const at = rnd() < options.lateRate ? t + (20 + rnd() * 60) * MINUTE : t + 1_000 + rnd() * 4_000;
    planned.push({ at, event: i, quirk });
    if (rnd() < options.duplicateRate) planned.push({ at: at + rnd() * 600_000, event: i, quirk });
  }
  const broken = brokenRecords(day, options.source);
  planned.push(...broken.map((b, k) => ({ at: b.at, event: -1 - k })));
  planned.sort((a, b) => a.at - b.at);
  return {
    length: planned.length,
    *[Symbol.iterator]() {
      for (const p of planned) {
        if (p.event < 0) {
          yield broken[-1 - p.event];
          continue;
        }
        const e = logEvent(day.events[p.event]);
        yield { at: p.at, event: envelope(p.quirk ? withQuirks(e, p.quirk) : e, { source: options.source }) };
      }
    },
  };
}

/** A day's deliveries in arrival order, each built as it is read; iterable more than once. */
export interface Deliveries extends Iterable<Delivery> {
  readonly length: number;
}

/** A truncated line, an envelope whose event has no uuid or type, and a scheduled event from another source. */
function brokenRecords(day: Day, source: string): Delivery[] {
  return [
    { at: day.start + 9.5 * HOUR, event: undefined, raw: '{"version":"0","detail-type":"SystemLog","source":"aws.partner/okta.com/' },
    { at: day.start + 12.5 * HOUR, event: envelope({ ...logEvent(day.events[0]), uuid: '', eventType: '' } as OktaLogEvent, { source }) },
    { at: day.start + 15.5 * HOUR, event: { version: '0', id: 'x', 'detail-type': 'Scheduled Event', source: 'aws.events', detail: {} } },
  ];
}
