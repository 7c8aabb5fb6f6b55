/**
 * The hourly workflow's Detect step: every enabled detection over one hour, resuming each key's state
 * from the snapshot before the hour, storing the findings and the end-of-hour snapshots.
 */
import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { resolveCatalog } from '../detections/catalog';
import { DetectionEngine, type StateEntry } from '../detections/engine';
import type { Finding } from '../detections/types';
import { listChunks } from '../store/events';
import { putFinding } from '../store/findings';
import { reopenHour } from '../store/hours';
import { loadSnapshot, nextSnapshotHour, saveSnapshots, snapshotsAt } from '../store/state';
import { DAY, HOUR, ttlSeconds } from '../time';
import { table, type HandlerConfig } from './config';
import { readHourEvents } from './hour-events';
import type { ChunkPage, ChunkRef, DetectInput, DetectOutput } from './workflow-steps';

async function chunkKeys(ddb: DynamoDBDocumentClient, eventsTable: string, hour: string, chunks: DetectInput['chunks']): Promise<string[]> {
  const page: ChunkPage = Array.isArray(chunks) ? { Items: chunks as readonly ChunkRef[] } : (chunks as ChunkPage);
  const keys = page.Items.map((c) => (typeof c === 'string' ? c : c.sk.S));
  if (page.LastEvaluatedKey) {
    const start = Object.fromEntries(Object.entries(page.LastEvaluatedKey).map(([k, v]) => [k, v.S]));
    keys.push(...(await listChunks(ddb, eventsTable, hour, start)));
  }
  return keys;
}

async function pool<T>(items: readonly T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]);
  }));
}

/** Run every enabled detection over one hour, starting from the state snapshots before it. */
export async function detectHour(input: DetectInput, config: HandlerConfig, ddb: DynamoDBDocumentClient, now = Date.now()): Promise<DetectOutput> {
  const hourStart = Date.parse(`${input.hour}:00:00Z`);
  if (!Number.isFinite(hourStart)) throw new Error(`hour ${JSON.stringify(input.hour)} is not YYYY-MM-DDTHH`);
  const engine = new DetectionEngine(resolveCatalog(config.settings.detections), { emitFrom: hourStart, emitTo: hourStart + HOUR, tenantId: config.tenantId });

  const eventsTable = table(config, 'events');
  const { events: ordered, duplicates, malformed } = await readHourEvents(ddb, eventsTable, input.hour, await chunkKeys(ddb, eventsTable, input.hour, input.chunks));

  const stateTable = table(config, 'state');
  const keys = new Map<string, { detectionId: string; key: string }>();
  for (const e of ordered) for (const k of engine.keysFor(e)) keys.set(`${k.detectionId}\u0000${k.key}`, k);
  await pool([...keys.values()], 16, async (k) => {
    const entry = await loadSnapshot(ddb, stateTable, k.detectionId, k.key, input.hour);
    if (entry) engine.load(entry);
  });

  const found: Finding[] = [];
  for (const e of ordered) found.push(...engine.process(e));

  const touched: StateEntry[] = [...engine.export()].filter((s) => keys.has(`${s.detectionId}\u0000${s.key}`));
  // A key whose state ended this hour gets a tombstone, so the next hour does not resume an older snapshot.
  const live = new Set(touched.map((s) => `${s.detectionId}\u0000${s.key}`));
  for (const [id, k] of keys) if (!live.has(id)) touched.push({ ...k, state: null, lastSeen: hourStart, expiresAt: hourStart + 7 * DAY });
  const cascaded = await staleLaterHours(ddb, stateTable, input.hour, touched);
  await saveSnapshots(ddb, stateTable, input.hour, touched, now + config.settings.retentionDays * DAY);
  for (const later of cascaded) await reopenHour(ddb, table(config, 'hours'), config.tenantId, later, `state of ${input.hour} changed`);

  const findingsTable = table(config, 'findings');
  const ttl = ttlSeconds(now, config.settings.retentionDays);
  const run = randomUUID();
  let newFindings = 0;
  for (const f of found) if (await putFinding(ddb, findingsTable, f, ttl, now, run)) newFindings++;
  return { hour: input.hour, events: ordered.length, duplicates, malformed, findings: found.length, newFindings, run, reopened: cascaded };
}

/**
 * When this hour is rerun (late events, a replay) and a key's end state comes out different, the later
 * hours that started from the old state are stale: find the first later hour that used each such key,
 * to be re-opened (which cascades, hour by hour, as far as the change reaches).
 */
async function staleLaterHours(ddb: DynamoDBDocumentClient, stateTable: string, hour: string, touched: readonly StateEntry[]): Promise<string[]> {
  if (!touched.length) return [];
  const before = await snapshotsAt(ddb, stateTable, hour, touched);
  const later = new Set<string>();
  await pool([...touched], 16, async (t) => {
    if (before.get(`${t.detectionId}\u0000${t.key}`) === JSON.stringify(t.state)) return;
    const next = await nextSnapshotHour(ddb, stateTable, t.detectionId, t.key, hour);
    if (next) later.add(next);
  });
  return [...later].sort();
}
