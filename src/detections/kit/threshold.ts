/**
 * {@link threshold}: N events (or N distinct values) for one key within a sliding window of event time.
 * Anything that fits neither this nor {@link singleEvent} implements {@link Detection} directly.
 */
import type { OktaEvent } from '../../okta/event';
import type { Detection, Params, Signal, Subject } from '../types';
import { aboveNormal, bar, BASELINE_TTL_MINUTES, type Baseline, type BaselineParams, normalAt, observe } from './baseline';
import type { DetectionMeta } from './detection-meta';

/** One remembered event in a sliding window: time, uuid and the value counted distinctly (if any). */
export type Hit = readonly [time: number, uuid: string, value?: string];

export interface WindowState {
  readonly hits: readonly Hit[];
  /** Event time of the last firing; the detection stays quiet for one window after it. */
  readonly firedAt?: number;
  /** The key's own normal count per hour of the day, when the detection keeps one. */
  readonly baseline?: Baseline;
}

export interface ThresholdSpec<P extends Params> extends DetectionMeta<P> {
  /** Grouping key (a user id, an IP...). Undefined ignores the event. */
  key(event: OktaEvent, params: P): string | undefined;
  /** Whether a routed event counts towards the threshold. @default every routed event with a key counts */
  counts?(event: OktaEvent, params: P): boolean;
  /** Count distinct values of this instead of events (e.g. distinct users per IP). */
  distinct?(event: OktaEvent, params: P): string | undefined;
  threshold(params: P): number;
  windowMinutes(params: P): number;
  subject(event: OktaEvent, key: string): Subject;
  summary(count: number, event: OktaEvent, params: P, hits: readonly Hit[]): string;
  context?(event: OktaEvent, hits: readonly Hit[], params: P): Record<string, unknown>;
  /**
   * Judge the count against the key's own normal for the hour of the day (org-wide counts grow with the org), with
   * `threshold` as the floor; the state then lasts days ({@link BASELINE_TTL_MINUTES}).
   */
  baseline?(params: P): BaselineParams;
}

/** Hard cap on the hits one key remembers, so an attack at line rate cannot grow state without bound. */
export const MAX_HITS = 1000;

/** Count (or count distinct) within a sliding window of event time; fires once per window per key. */
export function threshold<P extends Params>(spec: ThresholdSpec<P>): Detection<P, WindowState> {
  const { key, counts, distinct, threshold: limit, windowMinutes, subject, summary, context, baseline: learns, ...meta } = spec;
  return {
    ...meta,
    stateTtlMinutes: (p) => (learns ? BASELINE_TTL_MINUTES : windowMinutes(p)),
    key,
    step(state, event, params) {
      const windowMs = windowMinutes(params) * 60_000;
      const from = event.time - windowMs;
      let hits = (state?.hits ?? []).filter((h) => h[0] > from);
      const firedAt = state?.firedAt !== undefined && state.firedAt > from ? state.firedAt : undefined;
      let baseline = state?.baseline;
      const keep = (firedAt: number | undefined): WindowState | undefined => (hits.length || firedAt !== undefined || baseline ? { hits, firedAt, baseline } : undefined);
      const value = distinct ? distinct(event, params) : undefined;
      if ((counts && !counts(event, params)) || (distinct && value === undefined)) {
        if (baseline) baseline = observe(baseline, event.time, 0);
        return { state: keep(firedAt) };
      }
      hits = [...hits, [event.time, event.uuid, value] as Hit];
      hits.sort((a, b) => a[0] - b[0]);
      if (hits.length > MAX_HITS) hits = hits.slice(hits.length - MAX_HITS);
      const count = distinct ? new Set(hits.map((h) => h[2])).size : hits.length;
      const normal = learns ? normalAt(baseline, event.time, learns(params)) : undefined;
      const at = normal ? bar(limit(params), normal) : limit(params);
      const fires = count >= at && firedAt === undefined;
      if (learns) baseline = observe(baseline, event.time, fires ? Math.min(count, at) : count);
      if (!fires) return { state: keep(firedAt) };
      const above = normal ? aboveNormal(count, normal) : undefined;
      const signal: Signal = {
        subject: subject(event, key(event, params)!),
        summary: summary(count, event, params, hits) + (above?.phrase ?? ''),
        eventUuids: hits.map((h) => h[1]),
        windowStart: new Date(hits[0][0]).toISOString(),
        windowEnd: event.published,
        context: { count, windowMinutes: windowMinutes(params), ...context?.(event, hits, params), ...above?.context },
      };
      return { state: keep(event.time), signal };
    },
  };
}
