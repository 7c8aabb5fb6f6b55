/**
 * The detection engine: resolved detections over events already in event-time order, one state per
 * (detection, key), findings with stable ids. The streaming front that puts events in that order is
 * src/detections/reorder.ts.
 */
import { createHash } from 'node:crypto';
import type { OktaEvent } from '../okta/event';
import { HOUR, hourBucket, MINUTE } from '../time';
import { FindingLedger, LEDGER_STATE_ID, type LedgerEntry } from './ledger';
import type { Finding, PriorFindings, ResolvedDetection, Signal } from './types';

/** Findings keep at most this many event uuids; the count is kept in full in `context.eventCount`. */
export const MAX_EVENT_UUIDS = 50;

/** A failure's message is cut to this many characters (it is stored and logged). */
export const MAX_FAILURE_MESSAGE = 500;

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

/**
 * A detection that threw on one event. The failure domain is that pair: the detection's state for the
 * key is left as it was before the event, and every other detection, and this one on other events, goes on.
 */
export interface DetectionFailure {
  readonly detectionId: string;
  readonly eventUuid: string;
  /** Event time (ISO) of the event the detection threw on. */
  readonly published: string;
  readonly message: string;
}

export interface EngineOptions {
  /** Only emit findings whose triggering event is at or after this time (state is still built from earlier events). */
  readonly emitFrom?: number;
  /** Only emit findings whose triggering event is before this time. */
  readonly emitTo?: number;
  readonly tenantId?: string;
}

/**
 * How long each detection's findings are read by others (minutes after their last event): by detections that read
 * findings before them, and by detections that subsume them.
 */
function ledgerHorizons(detections: readonly ResolvedDetection[]): Map<string, number> {
  // Only between detections of this engine: near-time runs each detection alone, and must keep no ledger.
  const present = new Set(detections.map((r) => r.detection.id));
  const horizons = new Map<string, number>();
  const need = (id: string, minutes: number) => horizons.set(id, Math.max(horizons.get(id) ?? 0, minutes));
  for (const { detection, params } of detections) {
    const reads = detection.readsFindings?.(params);
    for (const id of reads?.detections ?? []) if (present.has(id)) need(id, reads!.withinMinutes);
    if (detection.subsumes?.detections.some((id) => present.has(id))) need(detection.id, detection.subsumes.forMinutes);
  }
  return horizons;
}

/**
 * Runs resolved detections over events in event-time order. Holds one state per (detection, key);
 * memory is bounded by the number of active keys, never by the number of events: keys idle for longer
 * than their detection's state TTL are evicted as the watermark moves on. Findings other detections read
 * (see {@link Detection.readsFindings} and {@link Detection.subsumes}) are kept in a ledger with the states.
 */
export class DetectionEngine {
  private readonly byType = new Map<string, ResolvedDetection[]>();
  private readonly states = new Map<string, Map<string, KeyState>>();
  private readonly emitted = new Set<string>();
  private readonly ledger: FindingLedger;
  /** For each detection, the detections whose findings stand for its own (see {@link Detection.subsumes}). */
  private readonly subsumedBy = new Map<string, string[]>();
  private watermark = -Infinity;
  private lastEviction = -Infinity;
  /** Every (detection, event) pair that threw, in the order met. */
  readonly failures: DetectionFailure[] = [];
  private readonly failed = new Set<string>();

  constructor(
    readonly detections: readonly ResolvedDetection[],
    private readonly options: EngineOptions = {},
  ) {
    this.ledger = new FindingLedger(ledgerHorizons(detections));
    for (const r of detections) {
      for (const id of r.detection.subsumes?.detections ?? []) this.subsumedBy.set(id, [...(this.subsumedBy.get(id) ?? []), r.detection.id]);
    }
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
      const key = this.isolated(r, event, () => r.detection.key(event, r.params));
      if (key !== undefined) out.push({ detectionId: r.detection.id, key });
    }
    return out;
  }

  /** Run one detection's code on one event; a throw is recorded as that pair's failure (undefined is returned). */
  private isolated<T>(r: ResolvedDetection, event: OktaEvent, run: () => T): T | undefined {
    try {
      return run();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const pair = `${r.detection.id}\u0000${event.uuid}`;
      if (!this.failed.has(pair)) {
        this.failed.add(pair);
        this.failures.push({ detectionId: r.detection.id, eventUuid: event.uuid, published: event.published, message: message.slice(0, MAX_FAILURE_MESSAGE) });
      }
      return undefined;
    }
  }

  load(entry: StateEntry): void {
    if (entry.detectionId === LEDGER_STATE_ID) this.ledger.load(entry.state as LedgerEntry[]);
    else this.states.get(entry.detectionId)?.set(entry.key, { state: entry.state, lastSeen: entry.lastSeen });
  }

  process(event: OktaEvent): Finding[] {
    const routed = this.byType.get(event.eventType);
    if (event.time > this.watermark) this.watermark = event.time;
    if (this.watermark - this.lastEviction > HOUR) this.evict();
    if (!routed) return [];
    const signals: Array<{ readonly r: ResolvedDetection; readonly key: string; readonly signal: Signal }> = [];
    for (const r of routed) {
      const { detection, params } = r;
      const key = this.isolated(r, event, () => detection.key(event, params));
      if (key === undefined) continue;
      const states = this.states.get(detection.id)!;
      const current = states.get(key);
      const result = this.isolated(r, event, () => detection.step(current?.state, event, params, detection.readsFindings ? this.prior(detection.readsFindings(params), event.time) : undefined));
      if (result === undefined) continue;
      if (result.state === undefined) states.delete(key);
      else states.set(key, { state: result.state, lastSeen: Math.max(event.time, current?.lastSeen ?? -Infinity) });
      if (result.signal) signals.push({ r, key, signal: result.signal });
    }
    // Every finding others read goes on record first, whether emitted in this run or not, so that a subsumer and what
    // it subsumes raised by the same event are judged alike in any order.
    for (const { r, signal: s } of signals) this.ledger.record(r.detection.id, s.subject, s.severity ?? r.detection.severity, Date.parse(s.windowStart), Date.parse(s.windowEnd));
    const findings: Finding[] = [];
    for (const { r, key, signal: s } of signals) {
      const { detection } = r;
      const subsumers = this.subsumedBy.get(detection.id);
      if (subsumers && this.ledger.covers(subsumers, s.subject, Date.parse(s.windowStart), Date.parse(s.windowEnd))) continue;
      if (this.options.emitFrom !== undefined && event.time < this.options.emitFrom) continue;
      if (this.options.emitTo !== undefined && event.time >= this.options.emitTo) continue;
      const id = findingId(detection.id, key, event.time);
      if (this.emitted.has(id)) continue;
      this.emitted.add(id);
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

  /** Earlier findings about a subject, of the detections a detection reads, within its horizon before `at`. */
  private prior(reads: { readonly detections: readonly string[]; readonly withinMinutes: number }, at: number): PriorFindings {
    return (subject) =>
      this.ledger.about(subject, reads.detections, at, reads.withinMinutes).map((x) => ({ detectionId: x.detectionId, severity: x.severity, windowStart: new Date(x.start).toISOString(), windowEnd: new Date(x.end).toISOString() }));
  }

  /** Forget keys whose state has outlived its TTL relative to the newest event seen. */
  evict(): void {
    this.lastEviction = this.watermark;
    this.ledger.prune(this.watermark);
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
    const ledger = this.ledger.snapshot();
    if (ledger.length) {
      const lastSeen = Math.max(...ledger.map((x) => x.end));
      yield { detectionId: LEDGER_STATE_ID, key: 'ledger', state: ledger, lastSeen, expiresAt: Math.max(...ledger.map((x) => x.until)) };
    }
  }
}
