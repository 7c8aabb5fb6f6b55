/** An hour's events as the detections and the activity roll-up read them: normalized, each uuid once, in event-time order. */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { normalize, type OktaEvent } from '../okta/event';
import { readChunks } from '../store/events';

export interface HourEvents {
  readonly events: OktaEvent[];
  /** Copies of an event already read (a replay, a retried chunk). */
  readonly duplicates: number;
  /** Stored events that no longer normalize (counted; ingest set the unreadable ones aside already). */
  readonly malformed: number;
}

export async function readHourEvents(ddb: DynamoDBDocumentClient, eventsTable: string, hour: string, chunkKeys: readonly string[]): Promise<HourEvents> {
  const events = new Map<string, OktaEvent>();
  let duplicates = 0;
  let malformed = 0;
  for await (const raw of readChunks(ddb, eventsTable, hour, chunkKeys)) {
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
