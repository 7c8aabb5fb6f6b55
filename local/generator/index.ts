/**
 * A realistic day of Okta System Log for one org, deterministic for a seed: hundreds of users signing in during their
 * office hours (a morning rush first) with Okta Verify, using apps, the odd mistyped password or username and rejected
 * push (benign.ts) — and, unless turned off, a handful of attacks (attacks/). Delivery is realistic too: a few events
 * arrive late, a few twice, some carry Okta's quirks, a few records are broken (delivery.ts). The profile (profile.ts)
 * sets the rates: the demo day, or a large org's, whose volume and noise grow with its users.
 */
import { logEvent, type Person } from '../../src/okta/fixtures';
import type { OktaLogEvent } from '../../src/okta/log-event';
import { benignTraffic } from './benign';
import { byTime, startDay } from './day';
import { deliver, type Deliveries, type Delivery } from './delivery';
import { PROFILES, type ProfileName } from './profile';

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
  /** The rates the org runs at (profile.ts): the demo day, or a large org's. @default 'demo' */
  readonly profile?: ProfileName;
  /** Inject the attack scenarios. @default true */
  readonly attacks?: boolean;
  /** Share of events delivered 20-80 minutes late. @default 0.02 */
  readonly lateRate?: number;
  /** Share of events delivered twice. @default 0.005 */
  readonly duplicateRate?: number;
}

/** A generated day whose events are built as they are read: what a 20,000-user day needs. */
export interface DayStream {
  /** The day's events, each once, in time order (as Okta publishes them). */
  readonly events: Iterable<OktaLogEvent> & { readonly length: number };
  /** The same events as they reach the bus: late, twice, with quirks, and the broken records. */
  readonly deliveries: Deliveries;
  /** What was injected, for the demo's printout, the tests and the bench's recall. */
  readonly attacks: InjectedAttack[];
  readonly users: Person[];
}

export interface InjectedAttack {
  readonly name: string;
  /** The id of the detection the scenario is written to trigger. */
  readonly detection: string;
  /** When it started (ISO 8601). */
  readonly at: string;
  /** Whom it targeted, if one user. */
  readonly user?: string;
  /** The uuids of the events it wrote. */
  readonly uuids: readonly string[];
}

/** A generated day held in memory: for the demo, the tests and a few thousand users. */
export interface GeneratedDay {
  readonly events: OktaLogEvent[];
  readonly deliveries: Delivery[];
  readonly attacks: DayStream['attacks'];
  readonly users: Person[];
}

/** The smallest org the benign traffic models (admins, a help desk, people to reset and onboard)... */
export const MIN_BENIGN_USERS = 7;
/** ...and the smallest whose day can also carry the attack scenarios, each with its own victims. */
export const MIN_USERS = 12;

/** A day whose events are built as they are read (`vigil generate`, the bench): any size. */
export function streamDay(options: DayOptions): DayStream {
  const userCount = options.users ?? 300;
  const minUsers = options.attacks === false ? MIN_BENIGN_USERS : MIN_USERS;
  if (!Number.isInteger(userCount) || userCount < minUsers) {
    throw new RangeError(`users must be a whole number of at least ${minUsers}${options.attacks === false ? '' : ' for a day with attacks'}, not ${userCount}`);
  }
  const seed = options.seed ?? 42;
  const profile = PROFILES[options.profile ?? 'demo'];
  const day = startDay({ day: options.day, org: options.org, seed, profile });
  const users = benignTraffic(day, userCount, seed);
  const attacks: DayStream['attacks'] = [];
  if (options.attacks !== false) {
    for (const scenario of profile.attacks) {
      const before = day.events.length;
      const { at, user } = scenario.inject(day, users);
      const uuids = day.events.slice(before).map((e) => e.uuid);
      attacks.push({ name: scenario.name, detection: scenario.detection, at: new Date(at).toISOString(), ...(user === undefined ? {} : { user }), uuids });
    }
  }
  byTime(day.events);
  const deliveries = deliver(day, { source: options.source, lateRate: options.lateRate ?? 0.02, duplicateRate: options.duplicateRate ?? 0.005 });
  const events = {
    length: day.events.length,
    *[Symbol.iterator]() {
      for (const e of day.events) yield logEvent(e);
    },
  };
  return { events, deliveries, attacks, users: users.map((u) => u.p) };
}

/** A day held in memory as LogEvents and deliveries (the demo, the tests). */
export function generateDay(options: DayOptions): GeneratedDay {
  const day = streamDay(options);
  return { events: [...day.events], deliveries: [...day.deliveries], attacks: day.attacks, users: day.users };
}
