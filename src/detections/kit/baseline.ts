/**
 * An org's (or a network's) own normal, learned in a detection's state: for each hour of the day (UTC), a moving
 * average of the highest level the detection measured in that hour on previous days (failing accounts, lockouts...)
 * and of its square. Small (24 slots), JSON-serializable and driven by event time only, so rerunning an hour from
 * the snapshot before it gives the same numbers. Org-wide counts grow with the org; judging an hour against the
 * same hour on previous days keeps a 20,000-user org as quiet as a 300-user one.
 */
import { DAY, HOUR } from '../../time';

/** One hour of the day: moving averages of the hour's peak level and of its square, and the days learned. */
export type Slot = readonly [mean: number, meanSquare: number, days: number];

export interface Baseline {
  /** The hour (epoch hours, event time) being observed now; not yet in its slot. */
  readonly hour: number;
  /** The highest level seen in that hour so far. */
  readonly peak: number;
  /** Index = hour of the day (UTC). */
  readonly slots: readonly Slot[];
}

/** The tenant-tunable side of a baseline, shared by the detections that keep one. */
export type BaselineParams = {
  /** Days of history an hour of the day needs before it is judged against its own normal (the fixed floor applies until then). */
  baselineDays: number;
  /** How far above normal an hour must be to fire: this many standard deviations (at least the square root of the normal, as for counts). */
  baselineDeviations: number;
};

export const BASELINE_DEFAULTS: BaselineParams = { baselineDays: 3, baselineDeviations: 4 };

/** How long a baseline is kept after its key's last event: a quiet week does not make the org new again. */
export const BASELINE_TTL_MINUTES = (14 * DAY) / 60_000;

/** Weight of the newest day in a slot's moving average (about the last five days count). */
const ALPHA = 0.3;
/** An hour skipped longer than this (no events at all for the key) is not replayed slot by slot. */
const MAX_GAP_HOURS = 14 * 24;

const EMPTY: Slot = [0, 0, 0];
const round = (x: number) => Math.round(x * 1000) / 1000;
const slotOf = (hour: number) => ((hour % 24) + 24) % 24;

function fold(slot: Slot, level: number): Slot {
  const [mean, sq, days] = slot;
  if (days === 0) return [level, level * level, 1];
  return [round(mean + ALPHA * (level - mean)), round(sq + ALPHA * (level * level - sq)), days + 1];
}

/** Close the observed hour into its slot, and every skipped hour (no events) as a level of 0. */
function roll(b: Baseline, toHour: number): Slot[] {
  const slots = b.slots.length === 24 ? [...b.slots] : Array.from({ length: 24 }, (_, i) => b.slots[i] ?? EMPTY);
  slots[slotOf(b.hour)] = fold(slots[slotOf(b.hour)], b.peak);
  for (let h = b.hour + 1; h < toHour && h <= b.hour + MAX_GAP_HOURS; h++) slots[slotOf(h)] = fold(slots[slotOf(h)], 0);
  return slots;
}

/** Record a level measured at `time`. Levels of an hour already closed (late events) count towards the open hour. */
export function observe(b: Baseline | undefined, time: number, level: number): Baseline {
  const hour = Math.floor(time / HOUR);
  if (!b) return { hour, peak: level, slots: Array.from({ length: 24 }, () => EMPTY) };
  if (hour <= b.hour) return level > b.peak ? { ...b, peak: level } : b;
  return { hour, peak: level, slots: roll(b, hour) };
}

/** What is normal for the hour `time` falls in, from previous days. */
export interface Normal {
  /** Whether that hour of the day has `baselineDays` of history. */
  readonly learned: boolean;
  /** The usual peak level of that hour. */
  readonly mean: number;
  /** The level above which the hour is abnormal. */
  readonly limit: number;
}

export function normalAt(b: Baseline | undefined, time: number, p: BaselineParams): Normal {
  if (!b) return { learned: false, mean: 0, limit: 0 };
  const hour = Math.floor(time / HOUR);
  // The hour being observed is not in its slot yet; a later hour sees it closed.
  const slots = hour > b.hour ? roll(b, hour) : b.slots;
  const [mean, sq, days] = slots[slotOf(hour)] ?? EMPTY;
  const sd = Math.sqrt(Math.max(0, sq - mean * mean));
  return { learned: days >= p.baselineDays, mean, limit: Math.ceil(mean + p.baselineDeviations * Math.max(sd, Math.sqrt(mean), 1)) };
}

/** The level at which a detection fires: its fixed floor while learning, and never below it after. */
export function bar(floor: number, normal: Normal): number {
  return normal.learned ? Math.max(floor, normal.limit) : floor;
}

/** How a finding says how far above normal its hour was (context and a phrase for the summary). */
export function aboveNormal(level: number, normal: Normal): { context: Record<string, unknown>; phrase: string } {
  if (!normal.learned) return { context: { baseline: 'learning' }, phrase: '' };
  const normalPeak = Math.round(normal.mean * 10) / 10;
  const times = normal.mean > 0 ? Math.round((level / normal.mean) * 10) / 10 : undefined;
  return {
    context: { baseline: 'learned', normalPeak, normalLimit: normal.limit, timesNormal: times },
    phrase: times !== undefined ? `; ${times}x the usual ${normalPeak} for this hour` : `; usually 0 in this hour`,
  };
}
