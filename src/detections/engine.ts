/**
 * The detection engine: resolved detections over events already in event-time order, one state per
 * (detection, key), findings with stable ids. The streaming front that puts events in that order is
 * src/detections/reorder.ts.
 */
import { createHash } from 'node:crypto';
import type { OktaEvent } from '../okta/event';
import { HOUR, hourBucket, MINUTE } from '../time';
import type { Finding, ResolvedDetection } from './types';

/** Findings keep at most this many event uuids; the count is kept in full in `context.eventCount`. */
export const MAX_EVENT_UUIDS = 50;

/** Stable finding id: one finding per detection, key and hour of the triggering event, however often it is rerun. */
export function findingId(detectionId: string, key: string, triggerTime: number): string {
  return createHash('sha256').update(`${detectionId}\u0000${key}\u0000${hourBucket(triggerTime)}`).digest('hex').slice(0, 32);
}

interface KeyState {
  state: unknown;
  lastSeen: number;
}

/** A state entry as persisted between runs. */
export interface StateEntry {
  readonly detectionId: string;
  readonly key: string;
  readonly state: unknown;
  readonly lastSeen: number;
  /** Epoch ms after which the state is irrelevant (drives the DynamoDB TTL). */
  readonly expiresAt: number;
}

export interface EngineOptions {
  /** Only emit findings whose triggering event is at or after this time (state is still built from earlier events). */
  readonly emitFrom?: number;
  /** Only emit findings whose triggering event is before this time. */
  readonly emitTo?: number;
  readonly tenantId?: string;
}

/**
 * Runs resolved detections over events in event-time order. Holds one state per (detection, key);
 * memory is bounded by the number of active keys, never by the number of events: keys idle for longer
 * than their detection's state TTL are evicted as the watermark moves on.
 */
export class DetectionEngine {
  private readonly byType = new Map<string, ResolvedDetection[]>();
  private readonly states = new Map<string, Map<string, KeyState>>();
  private readonly emitted = new Set<string>();
  private watermark = -Infinity;
  private lastEviction = -Infinity;

  constructor(
    readonly detections: readonly ResolvedDetection[],
    private readonly options: EngineOptions = {},
  ) {
    for (const r of detections) {
      this.states.set(r.detection.id, new Map());
      for (const t of r.detection.eventTypes) {
        const list = this.byType.get(t) ?? [];
        list.push(r);
        this.byType.set(t, list);
      }
    }
  }

  /** Event types read by at least one detection. Anything else can be skipped before normalization. */
  get eventTypes(): ReadonlySet<string> {
    return new Set(this.byType.keys());
  }

  /** Number of (detection, key) states held in memory. */
  get activeKeys(): number {
    let n = 0;
    for (const m of this.states.values()) n += m.size;
    return n;
  }

  /** Keys an event routes to, per detection (used to preload persisted state before a run). */
  keysFor(event: OktaEvent): Array<{ detectionId: string; key: string }> {
    const out: Array<{ detectionId: string; key: string }> = [];
    for (const r of this.byType.get(event.eventType) ?? []) {
      const key = r.detection.key(event, r.params);
      if (key !== undefined) out.push({ detectionId: r.detection.id, key });
    }
    return out;
  }

  load(entry: StateEntry): void {
    this.states.get(entry.detectionId)?.set(entry.key, { state: entry.state, lastSeen: entry.lastSeen });
  }

  process(event: OktaEvent): Finding[] {
    const routed = this.byType.get(event.eventType);
    if (event.time > this.watermark) this.watermark = event.time;
    if (this.watermark - this.lastEviction > HOUR) this.evict();
    if (!routed) return [];
    const findings: Finding[] = [];
    for (const r of routed) {
      const { detection, params } = r;
      const key = detection.key(event, params);
      if (key === undefined) continue;
      const states = this.states.get(detection.id)!;
      const current = states.get(key);
      const result = detection.step(current?.state, event, params);
      if (result.state === undefined) states.delete(key);
      else states.set(key, { state: result.state, lastSeen: Math.max(event.time, current?.lastSeen ?? -Infinity) });
      if (!result.signal) continue;
      if (this.options.emitFrom !== undefined && event.time < this.options.emitFrom) continue;
      if (this.options.emitTo !== undefined && event.time >= this.options.emitTo) continue;
      const id = findingId(detection.id, key, event.time);
      if (this.emitted.has(id)) continue;
      this.emitted.add(id);
      const s = result.signal;
      findings.push({
        id,
        tenantId: this.options.tenantId,
        detectionId: detection.id,
        title: detection.title,
        severity: s.severity ?? detection.severity,
        technique: detection.mitre.technique,
        mode: detection.mode,
        subject: s.subject,
        summary: s.summary,
        windowStart: s.windowStart,
        windowEnd: s.windowEnd,
        eventUuids: s.eventUuids.slice(0, MAX_EVENT_UUIDS),
        context: { ...s.context, eventCount: s.eventUuids.length },
        triggeredAt: event.published,
      });
    }
    return findings;
  }

  /** Forget keys whose state has outlived its TTL relative to the newest event seen. */
  evict(): void {
    this.lastEviction = this.watermark;
    for (const r of this.detections) {
      const states = this.states.get(r.detection.id)!;
      for (const [key, s] of states) if (s.lastSeen + r.detection.stateTtlMinutes(r.params, s.state) * MINUTE < this.watermark) states.delete(key);
    }
  }

  /** Every live state, for persisting at the end of a run. */
  *export(): Generator<StateEntry> {
    for (const r of this.detections) {
      for (const [key, s] of this.states.get(r.detection.id)!) {
        const ttl = r.detection.stateTtlMinutes(r.params, s.state) * MINUTE;
        yield { detectionId: r.detection.id, key, state: s.state, lastSeen: s.lastSeen, expiresAt: s.lastSeen + ttl };
      }
    }
  }
}
