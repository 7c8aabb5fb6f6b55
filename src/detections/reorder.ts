/**
 * The streaming front of the detection engine: Okta delivers at least once and out of order, so events
 * are deduplicated on uuid and put back in event-time order (within a tolerance) before the
 * {@link DetectionEngine} sees them. Used where events arrive as a stream (`vigil detect`, the bench)
 * and, with an unbounded tolerance, over a finite list ({@link detectAll}).
 */
import type { OktaEvent } from '../okta/event';
import { MinHeap } from '../min-heap';
import { MINUTE } from '../time';
import { DetectionEngine, type EngineOptions } from './engine';
import type { Finding, ResolvedDetection } from './types';

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
  /** Events on event time, to put a nearly-ordered stream back in order. */
  private readonly heap = new MinHeap<OktaEvent>((a, b) => a.time < b.time);
  private readonly seen = new Set<string>();
  private readonly seenOrder: string[] = [];
  private seenHead = 0;
  private released = -Infinity;
  private newest = -Infinity;
  private readonly tolerance: number;
  private readonly dedupWindow: number;

  constructor(detections: readonly ResolvedDetection[], options: StreamOptions = {}) {
    this.engine = new DetectionEngine(detections, options);
    this.tolerance = options.reorderToleranceMs ?? 15 * MINUTE;
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
