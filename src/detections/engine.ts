import { createHash } from 'node:crypto';
import type { OktaEvent } from '../okta/event';
import type { Finding, Params, ResolvedDetection } from './types';

const HOUR = 3_600_000;
/** Findings keep at most this many event uuids; the count is kept in full in `context.eventCount`. */
export const MAX_EVENT_UUIDS = 50;

export function hourBucket(time: number): string {
  return new Date(Math.floor(time / HOUR) * HOUR).toISOString().slice(0, 13);
}

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
        severity: detection.severity,
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
      const ttl = r.detection.stateTtlMinutes(r.params) * 60_000;
      const states = this.states.get(r.detection.id)!;
      for (const [key, s] of states) if (s.lastSeen + ttl < this.watermark) states.delete(key);
    }
  }

  /** Every live state, for persisting at the end of a run. */
  *export(): Generator<StateEntry> {
    for (const r of this.detections) {
      const ttl = r.detection.stateTtlMinutes(r.params) * 60_000;
      for (const [key, s] of this.states.get(r.detection.id)!) {
        yield { detectionId: r.detection.id, key, state: s.state, lastSeen: s.lastSeen, expiresAt: s.lastSeen + ttl };
      }
    }
  }
}

/** Min-heap on event time, used to put a nearly-ordered stream back in order. */
class TimeHeap {
  private readonly items: OktaEvent[] = [];
  get size(): number {
    return this.items.length;
  }
  peek(): OktaEvent | undefined {
    return this.items[0];
  }
  push(e: OktaEvent): void {
    const a = this.items;
    a.push(e);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p].time <= a[i].time) break;
      [a[p], a[i]] = [a[i], a[p]];
      i = p;
    }
  }
  pop(): OktaEvent | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l].time < a[m].time) m = l;
        if (r < a.length && a[r].time < a[m].time) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i], a[m]];
        i = m;
      }
    }
    return top;
  }
}

export interface StreamStats {
  events: number;
  duplicates: number;
  /** Events that arrived later than the reorder tolerance and were processed out of order. */
  late: number;
  maxBuffered: number;
}

export interface StreamOptions extends EngineOptions {
  /** How far out of order events may arrive and still be processed in order. @default 15 minutes */
  readonly reorderToleranceMs?: number;
  /** How many recent uuids are remembered for deduplication. @default 200000 */
  readonly dedupWindow?: number;
}

/**
 * A streaming front for {@link DetectionEngine}: deduplicates on uuid (Okta delivers at least once),
 * restores event-time order within a tolerance (Okta delivers out of order), and hands events on.
 * Memory: the reorder buffer (events within the tolerance), the dedup window and the engine's keys.
 */
export class StreamingDetector {
  readonly engine: DetectionEngine;
  readonly stats: StreamStats = { events: 0, duplicates: 0, late: 0, maxBuffered: 0 };
  private readonly heap = new TimeHeap();
  private readonly seen = new Set<string>();
  private readonly seenOrder: string[] = [];
  private seenHead = 0;
  private released = -Infinity;
  private newest = -Infinity;
  private readonly tolerance: number;
  private readonly dedupWindow: number;

  constructor(detections: readonly ResolvedDetection[], options: StreamOptions = {}) {
    this.engine = new DetectionEngine(detections, options);
    this.tolerance = options.reorderToleranceMs ?? 15 * 60_000;
    this.dedupWindow = options.dedupWindow ?? 200_000;
  }

  /** Offer one event; returns findings from events released in order. */
  push(event: OktaEvent): Finding[] {
    if (this.seen.has(event.uuid)) {
      this.stats.duplicates++;
      return [];
    }
    this.remember(event.uuid);
    this.stats.events++;
    const findings: Finding[] = [];
    if (event.time < this.released) {
      this.stats.late++;
      findings.push(...this.engine.process(event));
      return findings;
    }
    this.heap.push(event);
    if (event.time > this.newest) this.newest = event.time;
    if (this.heap.size > this.stats.maxBuffered) this.stats.maxBuffered = this.heap.size;
    while (this.heap.size > 0 && this.heap.peek()!.time <= this.newest - this.tolerance) {
      findings.push(...this.release());
    }
    return findings;
  }

  /** Drain the reorder buffer at end of input. */
  flush(): Finding[] {
    const findings: Finding[] = [];
    while (this.heap.size > 0) findings.push(...this.release());
    return findings;
  }

  private release(): Finding[] {
    const e = this.heap.pop()!;
    this.released = e.time;
    return this.engine.process(e);
  }

  private remember(uuid: string): void {
    this.seen.add(uuid);
    this.seenOrder.push(uuid);
    if (this.seenOrder.length - this.seenHead > this.dedupWindow) {
      this.seen.delete(this.seenOrder[this.seenHead++]);
      if (this.seenHead > 65_536) {
        this.seenOrder.splice(0, this.seenHead);
        this.seenHead = 0;
      }
    }
  }
}

/** Run detections over a finite list of events (sorted and deduplicated here). */
export function detectAll(detections: readonly ResolvedDetection[], events: Iterable<OktaEvent>, options: EngineOptions = {}): Finding[] {
  const stream = new StreamingDetector(detections, { ...options, reorderToleranceMs: Number.MAX_SAFE_INTEGER });
  const out: Finding[] = [];
  for (const e of events) out.push(...stream.push(e));
  out.push(...stream.flush());
  return out;
}

export type { Params };
