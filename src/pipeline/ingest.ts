/**
 * Ingest: a batch of buffered EventBridge events -> validated, deduplicated LogEvents written as gzip
 * chunks under their event-time hour. Late events land in their true hour, which is then marked for
 * reprocessing. Unreadable records are quarantined (counted, set aside) and never block the batch.
 * Replayed events (top-level `replay-name`) skip the uuid check on purpose: a replay exists to put
 * events back; the hourly pass deduplicates on uuid again when it reads the chunks.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { intake } from '../okta/input';
import type { OktaLogEvent } from '../okta/log-event';
import { putChunk, putMarkers, quarantine, seenUuids, splitChunks } from '../store/events';
import { recordArrivals } from '../store/hours';
import { hourBucket, ttlSeconds } from '../time';
import type { HandlerConfig } from './config';
import { table } from './config';

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

export async function ingestRecords(records: readonly IngestRecord[], config: HandlerConfig, ddb: DynamoDBDocumentClient, now = Date.now()): Promise<IngestResult> {
  const eventsTable = table(config, 'events');
  const hoursTable = table(config, 'hours');
  const ttl = ttlSeconds(now, config.settings.retentionDays);
  const stats: IngestStats = { received: records.length, accepted: 0, duplicates: 0, replayed: 0, quarantined: 0, chunks: 0, lateHours: [] };
  const failed = new Set<string>();

  const accepted: Array<{ record: string; event: OktaLogEvent; time: number; replay: boolean }> = [];
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
    accepted.push({ record: r.id, event: verdict.event.raw, time: verdict.event.time, replay: verdict.replayName !== undefined });
  }

  const seen = await seenUuids(ddb, eventsTable, accepted.filter((a) => !a.replay).map((a) => a.event.uuid));
  const fresh = new Map<string, (typeof accepted)[number]>();
  for (const a of accepted) {
    if ((!a.replay && seen.has(a.event.uuid)) || fresh.has(a.event.uuid)) {
      stats.duplicates++;
      continue;
    }
    fresh.set(a.event.uuid, a);
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
        await putChunk(ddb, eventsTable, hour, chunk, ttl);
        written.push(...uuids);
        chunks++;
      } catch {
        for (const i of items) if (uuids.has(i.event.uuid)) failed.add(i.record);
      }
    }
    if (!written.length) continue;
    // The hour is told first, the uuid markers written last: until its marker exists, a redelivered record
    // is not a duplicate, so if either step fails the record is retried in full. (Markers first would make
    // the retry drop the records as already seen, and a processed hour would never be re-opened for them.)
    try {
      if (await recordArrivals(ddb, hoursTable, config.tenantId, hour, written.length, chunks, ttl)) stats.lateHours.push(hour);
      await putMarkers(ddb, eventsTable, written, ttl);
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
