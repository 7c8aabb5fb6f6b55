/**
 * {@link threshold}: N events (or N distinct values) for one key within a sliding window of event time.
 * Anything that fits neither this nor {@link singleEvent} implements {@link Detection} directly.
 */
import type { OktaEvent } from '../../okta/event';
import type { Detection, Params, Signal, Subject } from '../types';
import type { DetectionMeta } from './detection-meta';

/** One remembered event in a sliding window: time, uuid and the value counted distinctly (if any). */
export type Hit = readonly [time: number, uuid: string, value?: string];

export interface WindowState {
  readonly hits: readonly Hit[];
  /** Event time of the last firing; the detection stays quiet for one window after it. */
  readonly firedAt?: number;
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
}

/** Hard cap on the hits one key remembers, so an attack at line rate cannot grow state without bound. */
export const MAX_HITS = 1000;

/** Count (or count distinct) within a sliding window of event time; fires once per window per key. */
export function threshold<P extends Params>(spec: ThresholdSpec<P>): Detection<P, WindowState> {
  const { key, counts, distinct, threshold: limit, windowMinutes, subject, summary, context, ...meta } = spec;
  return {
    ...meta,
    stateTtlMinutes: (p) => windowMinutes(p),
    key,
    step(state, event, params) {
      const windowMs = windowMinutes(params) * 60_000;
      const from = event.time - windowMs;
      let hits = (state?.hits ?? []).filter((h) => h[0] > from);
      const firedAt = state?.firedAt !== undefined && state.firedAt > from ? state.firedAt : undefined;
      if (counts && !counts(event, params)) {
        return { state: hits.length || firedAt !== undefined ? { hits, firedAt } : undefined };
      }
      const value = distinct ? distinct(event, params) : undefined;
      if (distinct && value === undefined) return { state: hits.length || firedAt !== undefined ? { hits, firedAt } : undefined };
      hits = [...hits, [event.time, event.uuid, value] as Hit];
      hits.sort((a, b) => a[0] - b[0]);
      if (hits.length > MAX_HITS) hits = hits.slice(hits.length - MAX_HITS);
      const count = distinct ? new Set(hits.map((h) => h[2])).size : hits.length;
      if (count >= limit(params) && firedAt === undefined) {
        const signal: Signal = {
          subject: subject(event, key(event, params)!),
          summary: summary(count, event, params, hits),
          eventUuids: hits.map((h) => h[1]),
          windowStart: new Date(hits[0][0]).toISOString(),
          windowEnd: event.published,
          context: { count, windowMinutes: windowMinutes(params), ...context?.(event, hits, params) },
        };
        return { state: { hits, firedAt: event.time }, signal };
      }
      return { state: { hits, firedAt } };
    },
  };
}
