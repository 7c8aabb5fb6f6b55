/**
 * The tenant's event bus, locally: each event put on it is routed by the same event patterns as the
 * deployed rules (src/events/patterns.ts), to the buffer queue and to the near-time function.
 */
import { matches, type EventPattern } from '../src/events/patterns';

export interface BusStats {
  received: number;
  toBuffer: number;
  toNearTime: number;
  unmatched: number;
}

export interface BusRules {
  /** The ingest rule's pattern: a matching event goes to the buffer queue. */
  readonly ingest: EventPattern;
  /** The near-time rules' patterns: an event matching any of them invokes the near-time function once. */
  readonly nearTime: readonly EventPattern[];
}

/** Where the rules deliver. */
export interface BusTargets {
  buffer(event: unknown): void;
  nearTime(event: unknown): Promise<unknown>;
}

export class LocalBus {
  readonly stats: BusStats = { received: 0, toBuffer: 0, toNearTime: 0, unmatched: 0 };

  constructor(
    readonly rules: BusRules,
    private readonly targets: BusTargets,
  ) {}

  /** PutEvents: deliver the event to every target whose rule matches it. */
  async put(event: unknown): Promise<void> {
    this.stats.received++;
    let routed = false;
    if (matches(this.rules.ingest, event)) {
      this.targets.buffer(event);
      this.stats.toBuffer++;
      routed = true;
    }
    if (this.rules.nearTime.some((p) => matches(p, event))) {
      this.stats.toNearTime++;
      routed = true;
      await this.targets.nearTime(event);
    }
    if (!routed) this.stats.unmatched++;
  }
}
