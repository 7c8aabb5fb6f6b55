/**
 * The hourly workflow's Detect step: every enabled detection over one hour, starting from the state
 * snapshot the hour before it left, storing the findings and this hour's snapshot (src/store/snapshots.ts);
 * and, since it has read the hour, the hour's part of its users' Activity (src/store/activity-parts.ts).
 */
import { randomUUID } from 'node:crypto';
import type { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { resolveCatalog } from '../detections/catalog';
import { DetectionEngine } from '../detections/engine';
import type { Finding } from '../detections/types';
import { saveHourActivity } from '../store/activity-parts';
import { listChunkRefs, type HourChunk } from '../store/events';
import { putFinding } from '../store/findings';
import { MAX_STORED_FAILURES, recordDetectionFailures, reopenHour } from '../store/hours';
import { nextSnapshotHour, saveSnapshot, snapshotBefore, snapshotHash } from '../store/snapshots';
import { settledLater } from '../promises';
import { DAY, HOUR, ttlSeconds } from '../time';
import { ActivityAggregator } from './activity-summary';
import { bucket, intakeRules, table, type HandlerConfig } from './config';
import { hourEventsInOrder, type HourReadCounts } from './hour-events';
import type { ChunkPage, ChunkRef, DetectInput, DetectOutput } from './workflow-steps';

/** The hour's chunks: the workflow's page of references (with their earliest event times), and the rest of them when there is more. */
async function hourChunks(ddb: DynamoDBDocumentClient, eventsTable: string, hour: string, chunks: DetectInput['chunks']): Promise<HourChunk[]> {
  const page: ChunkPage = Array.isArray(chunks) ? { Items: chunks as readonly ChunkRef[] } : (chunks as ChunkPage);
  const refs: HourChunk[] = page.Items.map((c) => (typeof c === 'string' ? { sk: c } : { sk: c.sk.S, ...(c.first ? { first: Number(c.first.N) } : {}) }));
  if (page.LastEvaluatedKey) {
    const start = Object.fromEntries(Object.entries(page.LastEvaluatedKey).map(([k, v]) => [k, v.S]));
    refs.push(...(await listChunkRefs(ddb, eventsTable, hour, start)));
  }
  return refs;
}

/** Run every enabled detection over one hour, starting from the state snapshot before it. */
export async function detectHour(input: DetectInput, config: HandlerConfig, ddb: DynamoDBDocumentClient, s3: S3Client, now = Date.now()): Promise<DetectOutput> {
  const hourStart = Date.parse(`${input.hour}:00:00Z`);
  if (!Number.isFinite(hourStart)) throw new Error(`hour ${JSON.stringify(input.hour)} is not YYYY-MM-DDTHH`);
  const engine = new DetectionEngine(resolveCatalog(config.settings.detections), { emitFrom: hourStart, emitTo: hourStart + HOUR, tenantId: config.tenantId });

  const eventsTable = table(config, 'events');
  const stateBucket = bucket(config);
  const chunks = await hourChunks(ddb, eventsTable, input.hour, input.chunks);
  // The hash of the snapshot an earlier run of this hour stored, asked for while the hour is read (this run replaces it).
  const previousHash = settledLater(snapshotHash(s3, stateBucket, input.hour));

  // Snapshots are kept for the retention period (the bucket's lifecycle): none older can be found.
  const before = await snapshotBefore(s3, stateBucket, input.hour, hourStart - config.settings.retentionDays * DAY);
  for (const entry of before?.entries ?? []) if (entry.expiresAt >= hourStart) engine.load(entry);

  // The hour's events in time order, as they are read: the hour is never held whole.
  const found: Finding[] = [];
  const activity = new ActivityAggregator(input.hour.slice(0, 10));
  const counts: HourReadCounts = { events: 0, duplicates: 0, malformed: 0 };
  for await (const e of hourEventsInOrder(s3, stateBucket, input.hour, chunks, intakeRules(config.settings), counts)) {
    found.push(...engine.process(e));
    activity.add(e);
  }
  const { duplicates, malformed } = counts;
  const hoursTable = table(config, 'hours');
  const findingsTable = table(config, 'findings');
  const ttl = ttlSeconds(now, config.settings.retentionDays);
  const run = randomUUID();

  // The hour's Activity part and end state are compressed off this thread and written while its detection failures
  // and findings are stored. State that expires before the next hour starts would be evicted at its first event: left out.
  const activityWritten = settledLater(saveHourActivity(s3, stateBucket, { hour: input.hour, events: counts.events, users: activity.parts() }));
  const end = [...engine.export()].filter((s) => s.expiresAt >= hourStart + HOUR);
  const previous = await previousHash;
  const saved = settledLater(saveSnapshot(s3, stateBucket, input.hour, end));
  // A detection that threw on an event costs that pair only; the hour keeps the failures, and the workflow
  // leaves it marked for reprocessing, so the pair is tried again on the next run until it passes.
  await recordDetectionFailures(ddb, hoursTable, config.tenantId, input.hour, engine.failures);
  let newFindings = 0;
  for (const f of found) if (await putFinding(ddb, findingsTable, f, ttl, now, run)) newFindings++;
  const hash = await saved;
  await activityWritten;

  // A rerun (late events, a replay) that changed the end state makes the next hour that built on it stale:
  // re-open it (once this hour's new state is stored), which cascades, one run at a time, for as long as the end state keeps changing.
  const next = previous === hash ? undefined : await nextSnapshotHour(s3, stateBucket, input.hour);
  const cascaded = next && (await reopenHour(ddb, hoursTable, config.tenantId, next, `state of ${input.hour} changed`)) ? [next] : [];
  return { hour: input.hour, events: counts.events, duplicates, malformed, findings: found.length, newFindings, run, reopened: cascaded, detectionFailures: engine.failures.length, failures: engine.failures.slice(0, MAX_STORED_FAILURES) };
}
