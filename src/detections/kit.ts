/**
 * Building blocks for detections. Most detections are one of two shapes:
 * - {@link singleEvent}: one event is enough (an admin role granted, a policy deleted);
 * - {@link threshold}: N events (or N distinct values) for one key within a sliding window.
 * Anything else implements {@link Detection} directly with its own per-key state.
 */
import type { OktaEvent } from '../okta/event';
import type { Detection, Fixture, Mitre, Mode, Params, Severity, Signal, Subject } from './types';

export interface DetectionMeta<P extends Params> {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly severity: Severity;
  readonly mitre: Mitre;
  readonly mode: Mode;
  readonly eventTypes: readonly string[];
  readonly defaults: P;
  readonly fixtures: { readonly positive: readonly Fixture<P>[]; readonly negative: readonly Fixture<P>[] };
  readonly references?: readonly string[];
}

/** What a single-event detection says about a matching event. */
export interface Match {
  readonly subject: Subject;
  readonly summary: string;
  readonly context?: Readonly<Record<string, unknown>>;
}

export interface SingleEventSpec<P extends Params> extends DetectionMeta<P> {
  /** Decide whether this event is a finding. */
  match(event: OktaEvent, params: P): Match | undefined;
}

/** A detection that fires on one event. Stateless; one finding per subject per hour. */
export function singleEvent<P extends Params>(spec: SingleEventSpec<P>): Detection<P, undefined> {
  const { match, ...meta } = spec;
  return {
    ...meta,
    stateTtlMinutes: () => 0,
    key(event, params) {
      const m = match(event, params);
      return m ? `${m.subject.type}:${m.subject.id}` : undefined;
    },
    step(_state, event, params) {
      const m = match(event, params);
      if (!m) return { state: undefined };
      const signal: Signal = {
        subject: m.subject,
        summary: m.summary,
        context: m.context,
        eventUuids: [event.uuid],
        windowStart: event.published,
        windowEnd: event.published,
      };
      return { state: undefined, signal };
    },
  };
}

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

/** Great-circle distance in kilometres. */
export function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Subject for a user party. */
export function userSubject(p: { id: string; alternateId?: string; displayName?: string }): Subject {
  return { type: 'user', id: p.id, display: p.alternateId ?? p.displayName };
}
