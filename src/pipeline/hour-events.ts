/**
 * An hour's events as the detections and the activity roll-up read them: normalized, each uuid once, in
 * event-time order. An object may hold events of other hours too (the delivery stream writes by arrival):
 * only the hour's own are kept.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import type { OktaEvent } from '../okta/event';
import { intake, type IntakeRules } from '../okta/input';
import { mayBeOfHour } from '../okta/raw-fields';
import { MinHeap } from '../min-heap';
import { readChunkObjects, type HourChunk } from '../store/events';
import { HOUR } from '../time';

export interface HourEvents {
  readonly events: OktaEvent[];
  /** Copies of an event already read (Okta's redeliveries, a replay, a redelivered object). */
  readonly duplicates: number;
  /** Stored records that are not events (counted; the indexer set each aside in quarantine already), of those that may be of the hour. */
  readonly malformed: number;
}

/**
 * `rules`: the tenant's (src/okta/input.ts), so a record ingest set aside (another org's, say) is set aside here too.
 * Records certainly of another hour (late events in an object of this hour, the hour's own in a late one) are skipped
 * before they are parsed.
 */
export async function readHourEvents(s3: S3Client, bucket: string, hour: string, chunkKeys: readonly string[], rules: IntakeRules): Promise<HourEvents> {
  const counts: HourReadCounts = { events: 0, duplicates: 0, malformed: 0 };
  const events: OktaEvent[] = [];
  // Without earliest times every object is read before any event is let go: the hour whole, in order.
  for await (const e of hourEventsInOrder(s3, bucket, hour, chunkKeys.map((sk) => ({ sk })), rules, counts)) events.push(e);
  return { events, duplicates: counts.duplicates, malformed: counts.malformed };
}

/** The order the detections read an hour in: event time, then uuid. */
export const inEventOrder = (a: OktaEvent, b: OktaEvent): number => a.time - b.time || a.uuid.localeCompare(b.uuid);

/** What an ordered read counted, complete once its events have all been taken. */
export interface HourReadCounts {
  events: number;
  duplicates: number;
  malformed: number;
}

/**
 * An hour's events in event-time order (as readHourEvents gives them), without holding the hour: the objects are read
 * in the order of their earliest event of the hour (HourChunk.first), and an event is let go once no object still to
 * be read can hold an earlier one, so only the events of objects whose times overlap are held at once (each uuid is
 * remembered, to keep it once). An object whose earliest time is not recorded is read first.
 */
export async function* hourEventsInOrder(s3: S3Client, bucket: string, hour: string, chunks: readonly HourChunk[], rules: IntakeRules, counts: HourReadCounts): AsyncGenerator<OktaEvent> {
  const start = Date.parse(`${hour}:00:00Z`);
  const ordered = [...chunks].sort((a, b) => (a.first ?? start) - (b.first ?? start) || (a.sk < b.sk ? -1 : a.sk > b.sk ? 1 : 0));
  const pending = new MinHeap<OktaEvent>((a, b) => inEventOrder(a, b) < 0);
  const seen = new Set<string>();
  let i = 0;
  for await (const records of readChunkObjects(s3, bucket, ordered.map((c) => c.sk), (line) => mayBeOfHour(line, hour))) {
    // Every object after this one holds events from its earliest time on: what is earlier can go now.
    const next = ordered[++i];
    for (const record of records) {
      const verdict = record.error === undefined ? intake(record.value, rules) : undefined;
      if (verdict?.kind !== 'event') {
        counts.malformed++;
        continue;
      }
      const e = verdict.event;
      if (!(e.time >= start && e.time < start + HOUR)) continue; // another hour's
      if (seen.has(e.uuid)) counts.duplicates++;
      else {
        seen.add(e.uuid);
        pending.push(e);
      }
    }
    const bound = next ? (next.first ?? start) : Infinity;
    while (pending.size && pending.peek()!.time < bound) {
      counts.events++;
      yield pending.pop()!;
    }
  }
}
