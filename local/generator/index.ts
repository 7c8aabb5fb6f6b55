/**
 * A realistic day of Okta System Log for one org, deterministic for a seed: hundreds of users signing in during their
 * office hours (a morning rush first) with Okta Verify, using apps, the odd mistyped password or username and rejected
 * push (benign.ts) — and, unless turned off, a handful of attacks (attacks/). Delivery is realistic too: a few events
 * arrive late, a few twice, some carry Okta's quirks, a few records are broken (delivery.ts).
 */
import type { Person } from '../../src/okta/fixtures';
import type { OktaLogEvent } from '../../src/okta/log-event';
import { ATTACKS } from './attacks';
import { benignTraffic } from './benign';
import { startDay } from './day';
import { deliver, type Delivery } from './delivery';

export interface DayOptions {
  /** UTC day, YYYY-MM-DD. */
  readonly day: string;
  readonly org: string;
  /** Partner event source (for envelopes). */
  readonly source: string;
  /** @default 300 */
  readonly users?: number;
  /** @default 42 */
  readonly seed?: number;
  /** Inject the attack scenarios. @default true */
  readonly attacks?: boolean;
  /** Share of events delivered 20-80 minutes late. @default 0.02 */
  readonly lateRate?: number;
  /** Share of events delivered twice. @default 0.005 */
  readonly duplicateRate?: number;
}

export interface GeneratedDay {
  readonly events: OktaLogEvent[];
  readonly deliveries: Delivery[];
  /** What was injected, for the demo's printout and the tests. */
  readonly attacks: Array<{ readonly name: string; readonly at: string; readonly user?: string }>;
  readonly users: Person[];
}

export function generateDay(options: DayOptions): GeneratedDay {
  const seed = options.seed ?? 42;
  const day = startDay({ day: options.day, org: options.org, seed });
  const users = benignTraffic(day, options.users ?? 300, seed);
  const attacks: GeneratedDay['attacks'] = [];
  if (options.attacks !== false) {
    for (const scenario of ATTACKS) {
      const { at, user } = scenario.inject(day, users);
      attacks.push({ name: scenario.name, at: new Date(at).toISOString(), ...(user === undefined ? {} : { user }) });
    }
  }
  day.events.sort((a, b) => a.published.localeCompare(b.published));
  const deliveries = deliver(day, { source: options.source, lateRate: options.lateRate ?? 0.02, duplicateRate: options.duplicateRate ?? 0.005 });
  return { events: day.events, deliveries, attacks, users: users.map((u) => u.p) };
}
