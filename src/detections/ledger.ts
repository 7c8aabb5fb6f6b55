/**
 * The engine's memory of recent findings, for what one detection says about another's: a finding that subsumes
 * others about the same subject (one behaviour, one notification), and detections that judge an event by the
 * findings before it (a self-service MFA reset inside a session already found suspicious). Kept in the engine's
 * state like a detection's, so the hourly runs carry it from hour to hour; only findings some detection reads are
 * kept, each until the longest horizon that reads it.
 */
import { MINUTE } from '../time';
import type { Severity, Subject } from './types';

/** A finding as the ledger keeps it. */
export interface LedgerEntry {
  readonly detectionId: string;
  /** `type:id` of the finding's subject. */
  readonly subject: string;
  readonly severity: Severity;
  /** Event time (epoch ms) of the finding's first and last events. */
  readonly start: number;
  readonly end: number;
  /** Epoch ms after which no detection reads the entry. */
  readonly until: number;
}

/** The state id under which the ledger is exported and loaded with the detections' states. */
export const LEDGER_STATE_ID = '@findings';

/** Entries kept at most: findings are rare, this bounds a pathological day. */
export const MAX_LEDGER_ENTRIES = 5000;

export const subjectKey = (s: Pick<Subject, 'type' | 'id'>) => `${s.type}:${s.id}`;

export class FindingLedger {
  private entries: LedgerEntry[] = [];

  /**
   * @param horizons for each detection whose findings are read: how long (minutes) after a finding's last event it
   * is read.
   */
  constructor(private readonly horizons: ReadonlyMap<string, number>) {}

  /** Whether any detection reads findings of `detectionId`. */
  reads(detectionId: string): boolean {
    return this.horizons.has(detectionId);
  }

  record(detectionId: string, subject: Subject, severity: Severity, start: number, end: number): void {
    const horizon = this.horizons.get(detectionId);
    if (horizon === undefined) return;
    const entry: LedgerEntry = { detectionId, subject: subjectKey(subject), severity, start, end, until: end + horizon * MINUTE };
    if (this.entries.some((x) => x.detectionId === entry.detectionId && x.subject === entry.subject && x.start === entry.start && x.end === entry.end)) return;
    this.entries.push(entry);
    if (this.entries.length > MAX_LEDGER_ENTRIES) this.entries = this.entries.slice(this.entries.length - MAX_LEDGER_ENTRIES);
  }

  /** Findings of `detections` about `subject` whose last event is at most `withinMinutes` before `at` (and not after it). */
  about(subject: Pick<Subject, 'type' | 'id'>, detections: readonly string[], at: number, withinMinutes: number): LedgerEntry[] {
    const key = subjectKey(subject);
    return this.entries.filter((x) => x.subject === key && detections.includes(x.detectionId) && x.end <= at && x.end >= at - withinMinutes * MINUTE);
  }

  /**
   * Whether a finding about `subject` over [start, end] is covered by a finding of one of `subsumers`: same subject,
   * and its window meets the subsumer's window extended by the subsumer's horizon (it starts before the subsumer's
   * reach ends and ends after the subsumer began).
   */
  covers(subsumers: readonly string[], subject: Pick<Subject, 'type' | 'id'>, start: number, end: number): boolean {
    const key = subjectKey(subject);
    return this.entries.some((x) => x.subject === key && subsumers.includes(x.detectionId) && start <= x.until && end >= x.start);
  }

  /** Forget entries no detection reads any more. */
  prune(watermark: number): void {
    if (this.entries.some((x) => x.until < watermark)) this.entries = this.entries.filter((x) => x.until >= watermark);
  }

  get size(): number {
    return this.entries.length;
  }

  /** The entries, for persisting with the detections' states. */
  snapshot(): readonly LedgerEntry[] {
    return this.entries;
  }

  load(entries: readonly LedgerEntry[]): void {
    for (const e of entries) if (!this.entries.some((x) => x.detectionId === e.detectionId && x.subject === e.subject && x.start === e.start && x.end === e.end)) this.entries.push(e);
  }
}
