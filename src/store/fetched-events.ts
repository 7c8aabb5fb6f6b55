/**
 * Events fetched from Okta's System Log API (Refresh User Data), merged into the store the way streamed events are
 * kept: an events object per event-time hour, referenced under that hour (src/store/events.ts, writeEventsObject), and
 * the hour's arrivals counted, which re-opens an hour already processed so the hourly workflow runs it again. Callers pass only events whose uuid is not stored yet; the hourly read keeps
 * each uuid once anyway (src/pipeline/hour-events.ts), so a streamed copy arriving after a fetched one never counts
 * twice either.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { OktaLogEvent } from '../okta/log-event';
import { hourBucket } from '../time';
import { putChunkRefs, writeEventsObject } from './events';
import { recordArrivals } from './hours';

export interface EventStore {
  readonly tenantId: string;
  readonly eventsTable: string;
  readonly hoursTable: string;
  readonly bucket: string;
}

/** Store fetched events; returns the hours written and those of them that had been processed (now re-opened). */
export async function storeFetchedEvents(ddb: DynamoDBDocumentClient, s3: S3Client, store: EventStore, events: readonly OktaLogEvent[], ttl: number): Promise<{ hours: string[]; reopened: string[] }> {
  const byHour = new Map<string, OktaLogEvent[]>();
  for (const e of events) {
    const hour = hourBucket(Date.parse(e.published));
    byHour.set(hour, [...(byHour.get(hour) ?? []), e]);
  }
  const reopened: string[] = [];
  for (const [hour, hourEvents] of [...byHour].sort(([a], [b]) => a.localeCompare(b))) {
    await putChunkRefs(ddb, store.eventsTable, [await writeEventsObject(s3, store.bucket, hour, hourEvents)], ttl);
    if (await recordArrivals(ddb, store.hoursTable, store.tenantId, hour, hourEvents.length, 1, ttl)) reopened.push(hour);
  }
  return { hours: [...byHour.keys()].sort(), reopened };
}
