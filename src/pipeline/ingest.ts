/**
 * Ingest: a batch of buffered EventBridge events -> validated LogEvents written as gzip chunks under
 * their event-time hour. Late events land in their true hour, which is then marked for reprocessing.
 * Unreadable records are quarantined (counted, set aside) and never block the batch.
 * Deduplication costs nothing extra: copies within a batch are dropped here, and every other copy (Okta's
 * redeliveries, a replay) is dropped by the hourly read, which keeps each uuid once. A copy that lands in
 * an hour already processed re-opens it like any late event; the rerun gives the same findings (stable
 * ids), and no finding is notified twice.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { intake } from '../okta/input';
import type { OktaLogEvent } from '../okta/log-event';
import { putChunk, quarantine, splitChunks } from '../store/events';
import { recordArrivals } from '../store/hours';
import { hourBucket, ttlSeconds } from '../time';
import type { HandlerConfig } from './config';
import { bucket, table } from './config';

export interface IngestRecord {
  /** SQS message id. */
  readonly id: string;
  readonly body: string;
}

export interface IngestStats {
  received: number;
  accepted: number;
  duplicates: number;
  replayed: number;
  quarantined: number;
  chunks: number;
  lateHours: string[];
}

export interface IngestResult {
  /** Records that must be retried (their chunk could not be written). */
  readonly failed: ReadonlySet<string>;
  readonly stats: IngestStats;
}

export async function ingestRecords(records: readonly IngestRecord[], config: HandlerConfig, ddb: DynamoDBDocumentClient, s3: S3Client, now = Date.now()): Promise<IngestResult> {
  const eventsTable = table(config, 'events');
  const hoursTable = table(config, 'hours');
  const ttl = ttlSeconds(now, config.settings.retentionDays);
  const stats: IngestStats = { received: records.length, accepted: 0, duplicates: 0, replayed: 0, quarantined: 0, chunks: 0, lateHours: [] };
  const failed = new Set<string>();

  const accepted: Array<{ record: string; event: OktaLogEvent; time: number }> = [];
  for (const r of records) {
    let value: unknown;
    let verdict: ReturnType<typeof intake>;
    try {
      value = JSON.parse(r.body);
      verdict = intake(value);
    } catch (err) {
      verdict = { kind: 'malformed', reason: `invalid JSON: ${(err as Error).message}` };
    }
    if (verdict.kind !== 'event') {
      stats.quarantined++;
      await quarantine(ddb, eventsTable, r.id, `${verdict.kind}: ${verdict.reason}`, r.body, ttl);
      continue;
    }
    if (verdict.replayName) stats.replayed++;
    accepted.push({ record: r.id, event: verdict.event.raw, time: verdict.event.time });
  }

  const fresh = new Map<string, (typeof accepted)[number]>();
  for (const a of accepted) {
    if (fresh.has(a.event.uuid)) stats.duplicates++;
    else fresh.set(a.event.uuid, a);
  }

  const byHour = new Map<string, Array<(typeof accepted)[number]>>();
  for (const a of fresh.values()) {
    const hour = hourBucket(a.time);
    const list = byHour.get(hour);
    if (list) list.push(a);
    else byHour.set(hour, [a]);
  }

  for (const [hour, items] of [...byHour].sort(([a], [b]) => a.localeCompare(b))) {
    const written: string[] = [];
    let chunks = 0;
    for (const chunk of splitChunks(items.map((i) => i.event))) {
      const uuids = new Set(chunk.events.map((e) => e.uuid));
      try {
        await putChunk(ddb, s3, eventsTable, bucket(config), hour, chunk, ttl);
        written.push(...uuids);
        chunks++;
      } catch {
        for (const i of items) if (uuids.has(i.event.uuid)) failed.add(i.record);
      }
    }
    if (!written.length) continue;
    // If the hour cannot be told, the records are retried in full (their chunk is rewritten the same).
    try {
      if (await recordArrivals(ddb, hoursTable, config.tenantId, hour, written.length, chunks, ttl)) stats.lateHours.push(hour);
    } catch {
      const retry = new Set(written);
      for (const i of items) if (retry.has(i.event.uuid)) failed.add(i.record);
      continue;
    }
    stats.accepted += written.length;
    stats.chunks += chunks;
  }
  return { failed, stats };
}
