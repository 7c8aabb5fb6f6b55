/**
 * The tenant's event bus, locally: each event put on it is routed by the same event pattern as the
 * deployed ingest rule (src/events/patterns.ts) to the delivery stream, and kept by the archive when it
 * matches the archive's pattern. A replayed event goes to the rules the replay names only, and is not
 * archived again.
 */
import { chunksOf, type RequestMeter } from '../src/aws/request-meter';
import { ingestPattern, matches, patternView, type EventPattern } from '../src/events/patterns';

export interface BusStats {
  received: number;
  toDeliveryStream: number;
  unmatched: number;
}

export interface BusRules {
  /** The ingest rule's pattern: a matching event goes to the delivery stream. */
  readonly ingest: EventPattern;
  /** The archive's pattern: a matching event is archived (billed per GB processed). */
  readonly archive: EventPattern;
}

/** The tenant bus's rules, as the stack deploys them: every Okta event is delivered and archived. */
export function busRules(): BusRules {
  return { ingest: ingestPattern(), archive: ingestPattern() };
}

const BUS_PATTERNS = Object.values(busRules());

/** What of an event the bus's rules read (see patternView): all a caller holding events for the bus needs to keep besides their JSON. */
export function busView(event: unknown): unknown {
  return patternView(event, BUS_PATTERNS);
}

/** Where the rules deliver. */
export interface BusTargets {
  /** The event as EventBridge sends it: its JSON. */
  deliveryStream(body: string, at: number): Promise<unknown>;
  /** Keep an event the archive's pattern matches. @default - not kept */
  archive?(body: string, at: number): void;
}

export class LocalBus {
  readonly stats: BusStats = { received: 0, toDeliveryStream: 0, unmatched: 0 };

  /** @param meter counts each event (billed per 64 KB chunk), its archiving and each rule delivery. @default - not counted */
  constructor(
    readonly rules: BusRules,
    private readonly targets: BusTargets,
    private readonly meter?: RequestMeter,
  ) {}

  /** PutEvents at a time: deliver the event (its JSON: `body` when given) to every target whose rule matches it. */
  async put(event: unknown, at: number, body = JSON.stringify(event)): Promise<void> {
    this.stats.received++;
    const toIngest = matches(this.rules.ingest, event);
    if (this.meter) this.count(event, Buffer.byteLength(body), toIngest);
    if (this.targets.archive && matches(this.rules.archive, event)) this.targets.archive(body, at);
    if (!toIngest) {
      this.stats.unmatched++;
      return;
    }
    this.stats.toDeliveryStream++;
    await this.targets.deliveryStream(body, at);
  }

  /** An event replayed from the archive (with its top-level `replay-name`), to the ingest rule only (a replay's FilterArns). */
  async replay(event: Record<string, unknown>, replayName: string, at: number): Promise<void> {
    const replayed = { ...event, 'replay-name': replayName };
    if (!matches(this.rules.ingest, replayed)) return;
    this.meter?.record({ service: 'EventBridge', operation: 'ReplayEvent', component: 'event-bus' }, { requests: 1 });
    await this.targets.deliveryStream(JSON.stringify(replayed), at);
  }

  private count(event: unknown, bytes: number, toIngest: boolean): void {
    const meter = this.meter!;
    meter.record({ service: 'EventBridge', operation: 'PartnerEvent', component: 'event-bus' }, { requests: 1, bytes, chunks: chunksOf(bytes) });
    if (matches(this.rules.archive, event)) meter.record({ service: 'EventBridge', operation: 'ArchiveEvent', component: 'event-bus' }, { requests: 1, bytes });
    if (toIngest) meter.record({ service: 'EventBridge', operation: 'RuleDelivery', component: 'event-bus' }, { requests: 1 });
  }
}
