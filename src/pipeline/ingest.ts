/**
 * Ingest (the indexer): one object the delivery stream wrote -> a reference under every event-time hour it
 * holds, in the events table, and the hour's arrivals counted; an hour already processed is re-opened by
 * a late event, like any other. Records that are not usable events are quarantined (counted, set aside
 * with their reason) and never block the object's other records. The object's events of near-time types
 * go on to the near-time detections (src/pipeline/near-time.ts), read once for both.
 * An hour holding only a small share of the object's events (late events, the edge of an hour) is written
 * apart: its events as an object of their own, referenced instead of the whole object, so that the hour's
 * reader fetches a few events, not five minutes of the feed, for each late arrival.
 * Deduplication costs nothing here: the hourly read keeps each uuid once (Okta's redeliveries, a replay,
 * an object indexed twice). A copy landing in an hour already processed re-opens it like any late event;
 * the rerun gives the same findings (stable ids), and no finding is notified twice.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { nearTimeEventTypes, resolveCatalog } from '../detections/catalog';
import { intake } from '../okta/input';
import type { OktaEvent } from '../okta/event';
import type { OktaLogEvent } from '../okta/log-event';
import { putChunkRefs, quarantine, readObject, writeEventsObject, type ChunkRef } from '../store/events';
import { recordArrivals } from '../store/hours';
import { hourBucket, ttlSeconds } from '../time';
import type { HandlerConfig } from './config';
import { bucket, intakeRules, table } from './config';
import { nearTimeEventsOf } from './near-time';

export interface IngestStats {
  /** Records in the object. */
  received: number;
  /** Usable events, by the hour they were referenced under. */
  accepted: number;
  replayed: number;
  quarantined: number;
  /** Quarantined records the store refused to keep even truncated (counted and logged, never blocking the object). */
  unkept: number;
  /** Event-time hours the object was referenced under, and those of them already processed (re-opened). */
  hours: string[];
  lateHours: string[];
  /** Hours whose events were written apart (an object of their own), being a small share of the object's. */
  split: string[];
  /** Events a near-time detection reads (not replayed). */
  nearTime: number;
}

export interface IngestResult {
  readonly stats: IngestStats;
  /** The events near-time evaluates: of its detections' types, not replayed, each uuid once, in time order. */
  readonly nearTime: OktaEvent[];
}

/**
 * An hour with less than this share of an object's events is written apart (see above). At most a few hours of an
 * object are its own: the delivery stream writes every five minutes.
 */
export const SPLIT_SHARE = 0.25;

/** Index one events object. Safe to repeat: the references and quarantine items are rewritten the same. */
export async function ingestObject(key: string, config: HandlerConfig, ddb: DynamoDBDocumentClient, s3: S3Client, now = Date.now()): Promise<IngestResult> {
  const eventsTable = table(config, 'events');
  const ttl = ttlSeconds(now, config.settings.retentionDays);
  const nearTimeTypes = new Set(nearTimeEventTypes(resolveCatalog(config.settings.detections)));
  const records = await readObject(s3, bucket(config), key);
  const stats: IngestStats = { received: records.length, accepted: 0, replayed: 0, quarantined: 0, unkept: 0, hours: [], lateHours: [], split: [], nearTime: 0 };

  // Each hour's events, each uuid once, and the earliest of them; the events near-time reads.
  const byHour = new Map<string, Map<string, OktaLogEvent>>();
  const firstOf = new Map<string, number>();
  const nearTime: OktaEvent[] = [];
  const rules = intakeRules(config.settings);
  for (const [i, record] of records.entries()) {
    const verdict = record.error === undefined ? intake(record.value, rules) : { kind: 'malformed' as const, reason: `invalid JSON: ${record.error}` };
    if (verdict.kind !== 'event') {
      stats.quarantined++;
      if (!(await quarantine(ddb, eventsTable, `${key}#${i}`, `${verdict.kind}: ${verdict.reason}`, record.line ?? JSON.stringify(record.value), ttl))) stats.unkept++;
      continue;
    }
    if (verdict.replayName !== undefined) stats.replayed++;
    else if (nearTimeTypes.has(verdict.event.eventType)) nearTime.push(verdict.event);
    const hour = hourBucket(verdict.event.time);
    const events = byHour.get(hour) ?? byHour.set(hour, new Map()).get(hour)!;
    if (!events.has(verdict.event.uuid)) events.set(verdict.event.uuid, verdict.event.raw);
    firstOf.set(hour, Math.min(firstOf.get(hour) ?? Infinity, verdict.event.time));
  }

  const accepted = [...byHour.values()].reduce((n, events) => n + events.size, 0);
  const largest = Math.max(...[...byHour.values()].map((events) => events.size));
  const hours = [...byHour].sort(([a], [b]) => a.localeCompare(b));
  const refs: ChunkRef[] = [];
  for (const [hour, events] of hours) {
    if (events.size < largest && events.size < accepted * SPLIT_SHARE) {
      refs.push(await writeEventsObject(s3, bucket(config), hour, [...events.values()]));
      stats.split.push(hour);
    } else refs.push({ hour, objectKey: key, count: events.size, first: firstOf.get(hour)! });
  }
  // The references first: once an hour counts the arrival, a run may read it at any moment.
  await putChunkRefs(ddb, eventsTable, refs, ttl);
  for (const [hour, events] of hours) {
    if (await recordArrivals(ddb, table(config, 'hours'), config.tenantId, hour, events.size, 1, ttl)) stats.lateHours.push(hour);
    stats.hours.push(hour);
    stats.accepted += events.size;
  }
  const events = nearTimeEventsOf(nearTime);
  stats.nearTime = events.length;
  return { stats, nearTime: events };
}
