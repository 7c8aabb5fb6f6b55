/** An hour's events as the detections and the activity roll-up read them: normalized, each uuid once, in event-time order. */
import type { S3Client } from '@aws-sdk/client-s3';
import { normalize, type OktaEvent } from '../okta/event';
import { readChunks } from '../store/events';

export interface HourEvents {
  readonly events: OktaEvent[];
  /** Copies of an event already read (a replay, a retried chunk). */
  readonly duplicates: number;
  /** Stored events that no longer normalize (counted; ingest set the unreadable ones aside already). */
  readonly malformed: number;
}

export async function readHourEvents(s3: S3Client, bucket: string, hour: string, chunkKeys: readonly string[]): Promise<HourEvents> {
  const events = new Map<string, OktaEvent>();
  let duplicates = 0;
  let malformed = 0;
  for await (const raw of readChunks(s3, bucket, hour, chunkKeys)) {
    try {
      const e = normalize(raw);
      if (events.has(e.uuid)) duplicates++;
      else events.set(e.uuid, e);
    } catch {
      malformed++;
    }
  }
  return { events: [...events.values()].sort((a, b) => a.time - b.time || a.uuid.localeCompare(b.uuid)), duplicates, malformed };
}
