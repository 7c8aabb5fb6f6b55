/**
 * An hour's events as the detections and the activity roll-up read them: normalized, each uuid once, in
 * event-time order. An object may hold events of other hours too (the delivery stream writes by arrival):
 * only the hour's own are kept.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import type { OktaEvent } from '../okta/event';
import { intake, type IntakeRules } from '../okta/input';
import { mayBeOfHour } from '../okta/raw-fields';
import { readChunks } from '../store/events';
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
  const start = Date.parse(`${hour}:00:00Z`);
  const events = new Map<string, OktaEvent>();
  let duplicates = 0;
  let malformed = 0;
  for await (const record of readChunks(s3, bucket, chunkKeys, (line) => mayBeOfHour(line, hour))) {
    const verdict = record.error === undefined ? intake(record.value, rules) : undefined;
    if (verdict?.kind !== 'event') {
      malformed++;
      continue;
    }
    const e = verdict.event;
    if (!(e.time >= start && e.time < start + HOUR)) continue; // another hour's
    if (events.has(e.uuid)) duplicates++;
    else events.set(e.uuid, e);
  }
  return { events: [...events.values()].sort((a, b) => a.time - b.time || a.uuid.localeCompare(b.uuid)), duplicates, malformed };
}
