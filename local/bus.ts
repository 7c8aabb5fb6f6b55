/**
 * The tenant's event bus, locally: each event put on it is routed by the same event patterns as the
 * deployed rules (src/events/patterns.ts), to the buffer queue and to the near-time function, and
 * kept by the archive when it matches the archive's pattern.
 */
import { chunksOf, type RequestMeter } from '../src/aws/request-meter';
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
  /** The archive's pattern: a matching event is archived (billed per GB processed). */
  readonly archive: EventPattern;
}

/** Where the rules deliver. */
export interface BusTargets {
  buffer(event: unknown): void;
  nearTime(event: unknown): Promise<unknown>;
}

export class LocalBus {
  readonly stats: BusStats = { received: 0, toBuffer: 0, toNearTime: 0, unmatched: 0 };

  /** @param meter counts each event (billed per 64 KB chunk), its archiving and each rule delivery. @default - not counted */
  constructor(
    readonly rules: BusRules,
    private readonly targets: BusTargets,
    private readonly meter?: RequestMeter,
  ) {}

  /** PutEvents: deliver the event to every target whose rule matches it. */
  async put(event: unknown): Promise<void> {
    this.stats.received++;
    if (this.meter) this.count(event);
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

  private count(event: unknown): void {
    const meter = this.meter!;
    const bytes = Buffer.byteLength(JSON.stringify(event));
    meter.record({ service: 'EventBridge', operation: 'PartnerEvent', component: 'event-bus' }, { requests: 1, bytes, chunks: chunksOf(bytes) });
    if (matches(this.rules.archive, event)) meter.record({ service: 'EventBridge', operation: 'ArchiveEvent', component: 'event-bus' }, { requests: 1, bytes });
    const deliveries = (matches(this.rules.ingest, event) ? 1 : 0) + (this.rules.nearTime.some((p) => matches(p, event)) ? 1 : 0);
    if (deliveries) meter.record({ service: 'EventBridge', operation: 'RuleDelivery', component: 'event-bus' }, { requests: deliveries });
  }
}
