/**
 * How the day's events reach the bus: at least once, a few seconds after they happen; some late, some twice; some
 * carrying Okta's quirks (an empty client, a null security context, a null target); plus broken records and an
 * event from another source that the pipeline must survive.
 */
import { envelope, withQuirks } from '../../src/okta/fixtures';
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

/** Every event of the day in envelopes, with the broken records, in the order they reach the bus. */
export function deliver(day: Day, options: DeliveryOptions): Delivery[] {
  const { rnd } = day;
  const deliveries: Delivery[] = [];
  for (const e of day.events) {
    const q = rnd();
    const event = q < 0.01 ? withQuirks(e, { emptyClient: true }) : q < 0.02 ? withQuirks(e, { nullSecurity: true }) : q < 0.03 ? withQuirks(e, { nullTarget: true }) : e;
    const env = envelope(event, { source: options.source });
    const t = Date.parse(e.published);
    const at = rnd() < options.lateRate ? t + (20 + rnd() * 60) * MINUTE : t + 1_000 + rnd() * 4_000;
    deliveries.push({ at, event: env });
    if (rnd() < options.duplicateRate) deliveries.push({ at: at + rnd() * 600_000, event: env });
  }
  deliveries.push(...brokenRecords(day, options.source));
  return deliveries.sort((a, b) => a.at - b.at);
}

/** A truncated line, an envelope whose event has no uuid or type, and a scheduled event from another source. */
function brokenRecords(day: Day, source: string): Delivery[] {
  return [
    { at: day.start + 9.5 * HOUR, event: undefined, raw: '{"version":"0","detail-type":"SystemLog","source":"aws.partner/okta.com/' },
    { at: day.start + 12.5 * HOUR, event: envelope({ ...day.events[0], uuid: '', eventType: '' } as OktaLogEvent, { source }) },
    { at: day.start + 15.5 * HOUR, event: { version: '0', id: 'x', 'detail-type': 'Scheduled Event', source: 'aws.events', detail: {} } },
  ];
}
