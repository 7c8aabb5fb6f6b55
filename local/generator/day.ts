/**
 * The day being generated: its bounds, the seeded random stream every part draws from in turn, and the log the parts
 * write to (each event and session gets a deterministic id from the org, day, seed and a sequence number).
 * The log keeps what each part wrote (a small spec sharing its places and user agents), not the full LogEvent: a
 * 20,000-user day is half a million events, built into LogEvents one at a time as they are read ({@link logEvent}).
 */
import { uuidFrom, type EventSpec } from '../../src/okta/fixtures';
import { DAY, HOUR } from '../../src/time';
import type { Profile } from './profile';

/** An event as written: its spec, at an epoch-ms time, with its uuid. `logEvent` builds the LogEvent. */
export interface DayEvent extends EventSpec {
  readonly at: number;
  readonly uuid: string;
}

export interface Day {
  /** UTC midnight that starts the day (epoch ms). */
  readonly start: number;
  /** UTC midnight that ends it (exclusive). */
  readonly end: number;
  /** The org's mail domain (`<org>.example`). */
  readonly domain: string;
  readonly org: string;
  /** The rates the org runs at. */
  readonly profile: Profile;
  /** The day's random stream, in [0, 1); the order of draws is part of the output. */
  readonly rnd: () => number;
  /** The events written so far, in the order written (see {@link byTime}). */
  readonly events: DayEvent[];
  /** One of `xs`, drawn from {@link rnd}. */
  pick<T>(xs: readonly T[]): T;
  /** Writes an event with the next deterministic uuid. */
  push(spec: EventSpec & { readonly at: number }): void;
  /** A fresh Okta session id (`102...`), from the same sequence as the uuids. */
  newSession(): string;
  /** A local time (hours, may exceed 24) at an office to UTC epoch ms, wrapped into the day. */
  local(office: { readonly utcOffset: number }, hour: number): number;
}

/** The mulberry32 generator: a small, fast, seedable stream of numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function startDay(options: { readonly day: string; readonly org: string; readonly seed: number; readonly profile: Profile }): Day {
  const start = Date.parse(`${options.day}T00:00:00Z`);
  if (!Number.isFinite(start)) throw new Error(`day ${options.day} is not YYYY-MM-DD`);
  const end = start + DAY;
  const rnd = mulberry32(options.seed);
  const events: DayEvent[] = [];
  let seq = 0;
  const uuid = () => uuidFrom(`${options.org}|${options.day}|${options.seed}|${seq++}`);
  return {
    start,
    end,
    domain: `${options.org}.example`,
    org: options.org,
    profile: options.profile,
    rnd,
    events,
    pick: (xs) => xs[Math.floor(rnd() * xs.length)],
    push: (spec) => {
      events.push({ ...spec, uuid: uuid() });
    },
    newSession: () => `102${uuid().replace(/-/g, '').slice(0, 22)}`,
    local: (office, hour) => {
      let t = start + (hour - office.utcOffset) * HOUR;
      while (t < start) t += DAY;
      while (t >= end) t -= DAY;
      return t;
    },
  };
}

/**
 * Puts a day's events in time order, as Okta publishes them: by the millisecond (what `published` says), in the
 * order written within one millisecond.
 */
export function byTime(events: DayEvent[]): void {
  events.sort((a, b) => Math.trunc(a.at) - Math.trunc(b.at));
}
