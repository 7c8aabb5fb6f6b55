/**
 * The three Lambda steps of the hourly workflow (src/workflow/hourly.ts): plan the hours, detect over
 * one hour, notify that hour's new findings.
 */
import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { resolveCatalog } from '../detections/catalog';
import { DetectionEngine, hourBucket, type StateEntry } from '../detections/engine';
import type { Finding } from '../detections/types';
import type { Publisher } from '../aws/clients';
import { listChunks, ttlSeconds } from '../store/events';
import { claimNotification, confirmNotification, findingsForHour, putFinding, releaseNotification } from '../store/findings';
import { claimHour, hoursToReprocess, releaseHour, reopenHour, STALE_CLAIM_MS } from '../store/hours';
import { loadSnapshot, nextSnapshotHour, saveSnapshots, snapshotsAt } from '../store/state';
import { table, type HandlerConfig } from './config';
import { readHourEvents } from './hour-events';
import { findingNotification, toPublishInput } from './notifications';

const HOUR = 3_600_000;

export interface PlanRequest {
  /** When the schedule fired (ISO); the hour just closed is the one that ended a grace period before it. @default the execution's start */
  readonly scheduledTime?: string;
  /** Explicit hours (YYYY-MM-DDTHH) to process instead of the closed hour, e.g. after a replay. @default none */
  readonly hours?: readonly string[];
}

export interface PlanInput extends PlanRequest {
  readonly tenantId: string;
  /** The whole execution input (the schedule's, or a person's: `scheduledTime` and `hours` may be left out). */
  readonly request?: PlanRequest;
  /** The execution: claims made under it can be made again when Step Functions retries Plan. */
  readonly executionId?: string;
  readonly startedAt?: string;
}

export interface PlanOutput {
  readonly hours: string[];
  readonly skipped: string[];
}

/** The hour that closed `graceMinutes` before `scheduledTime`. */
export function closedHour(scheduledTime: string, graceMinutes: number): string {
  const t = Date.parse(scheduledTime);
  if (!Number.isFinite(t)) throw new Error(`scheduledTime ${JSON.stringify(scheduledTime)} is not a timestamp`);
  return hourBucket(t - graceMinutes * 60_000 - HOUR);
}

export async function plan(input: PlanInput, config: HandlerConfig, ddb: DynamoDBDocumentClient, now = Date.now()): Promise<PlanOutput> {
  const hoursTable = table(config, 'hours');
  const scheduledTime = input.scheduledTime ?? input.request?.scheduledTime ?? input.startedAt ?? new Date(now).toISOString();
  const requested = input.hours ?? input.request?.hours ?? [];
  const closed = closedHour(scheduledTime, config.settings.gracePeriodMinutes);
  const wanted = requested.length ? [...requested] : [closed];
  for (const h of wanted) if (!/^\d{4}-\d\d-\d\dT\d\d$/.test(h)) throw new Error(`hour ${JSON.stringify(h)} is not YYYY-MM-DDTHH`);
  const since = hourBucket(Date.parse(scheduledTime) - 7 * 24 * HOUR);
  const pending = await hoursToReprocess(ddb, hoursTable, config.tenantId, since, { closedHour: closed, staleBefore: new Date(now - STALE_CLAIM_MS).toISOString() });
  for (const h of pending) if (!wanted.includes(h)) wanted.push(h);
  const hours: string[] = [];
  const skipped: string[] = [];
  const ttl = ttlSeconds(now, config.settings.retentionDays);
  try {
    for (const h of wanted.sort()) {
      if (await claimHour(ddb, hoursTable, config.tenantId, h, now, ttl, STALE_CLAIM_MS, input.executionId)) hours.push(h);
      else skipped.push(h);
    }
  } catch (err) {
    // The workflow never learns which hours this Plan claimed: give them back rather than leave them RUNNING.
    for (const h of hours) await releaseHour(ddb, hoursTable, config.tenantId, h, now).catch(() => undefined);
    throw err;
  }
  return { hours, skipped };
}

type ChunkRef = string | { readonly sk: { readonly S: string } };

/** One page of the workflow's FindChunks Query (DynamoDB JSON), as Step Functions returns it. */
export interface ChunkPage {
  readonly Items: readonly ChunkRef[];
  readonly LastEvaluatedKey?: Readonly<Record<string, { readonly S: string }>>;
}

export interface DetectInput {
  readonly tenantId: string;
  readonly hour: string;
  /**
   * The hour's chunk sort keys, as strings or as DynamoDB items (`{ sk: { S } }`), or the first page of
   * the workflow's Query: when it has a LastEvaluatedKey (a page ends at 1 MB read, or at its Limit),
   * the rest of the keys are read from there.
   */
  readonly chunks: readonly ChunkRef[] | ChunkPage;
}

async function chunkKeys(ddb: DynamoDBDocumentClient, eventsTable: string, hour: string, chunks: DetectInput['chunks']): Promise<string[]> {
  const page: ChunkPage = Array.isArray(chunks) ? { Items: chunks as readonly ChunkRef[] } : (chunks as ChunkPage);
  const keys = page.Items.map((c) => (typeof c === 'string' ? c : c.sk.S));
  if (page.LastEvaluatedKey) {
    const start = Object.fromEntries(Object.entries(page.LastEvaluatedKey).map(([k, v]) => [k, v.S]));
    keys.push(...(await listChunks(ddb, eventsTable, hour, start)));
  }
  return keys;
}

export interface DetectOutput {
  readonly hour: string;
  readonly events: number;
  readonly duplicates: number;
  readonly malformed: number;
  readonly findings: number;
  readonly newFindings: number;
  /** This run's stamp on every finding it found: Notify waits until the index shows them all. */
  readonly run: string;
  /** Later hours re-opened because this hour's end state changed since they ran. */
  readonly reopened: readonly string[];
}

async function pool<T>(items: readonly T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]);
  }));
}

/** Run every enabled detection over one hour, starting from the state snapshots before it. */
export async function detectHour(input: DetectInput, config: HandlerConfig, ddb: DynamoDBDocumentClient, now = Date.now()): Promise<DetectOutput & { found: Finding[] }> {
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
  for (const [id, k] of keys) if (!live.has(id)) touched.push({ ...k, state: null, lastSeen: hourStart, expiresAt: hourStart + 7 * 24 * HOUR });
  const cascaded = await staleLaterHours(ddb, stateTable, input.hour, touched);
  await saveSnapshots(ddb, stateTable, input.hour, touched, now + config.settings.retentionDays * 86_400_000);
  for (const later of cascaded) await reopenHour(ddb, table(config, 'hours'), config.tenantId, later, `state of ${input.hour} changed`);

  const findingsTable = table(config, 'findings');
  const ttl = ttlSeconds(now, config.settings.retentionDays);
  const run = randomUUID();
  let newFindings = 0;
  for (const f of found) if (await putFinding(ddb, findingsTable, f, ttl, now, run)) newFindings++;
  return { hour: input.hour, events: ordered.length, duplicates, malformed, findings: found.length, newFindings, run, reopened: cascaded, found };
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

export interface NotifyInput {
  readonly tenantId: string;
  readonly hour: string;
  /** How many findings Detect stored for the hour; the byHour index must show at least these. */
  readonly expected?: number;
  /**
   * The Detect run that stored them (DetectOutput.run): then the index must show `expected` findings
   * stamped with this run. (A bare count can be met by findings already in the hour, e.g. near-time
   * ones the hourly pass does not make, while one Detect just stored is not indexed yet.)
   */
  readonly run?: string;
}

/** The byHour index has not caught up with Detect's writes yet; the workflow retries Notify. */
export class FindingsNotIndexedYet extends Error {
  constructor(hour: string, seen: number, expected: number) {
    super(`hour ${hour}: the findings index shows ${seen} of ${expected} findings`);
    this.name = 'Vigil.FindingsNotIndexedYet';
  }
}

/** Publish each of the hour's findings that nobody has notified yet, once. */
export async function notifyHour(input: NotifyInput, config: HandlerConfig, ddb: DynamoDBDocumentClient, sns: Publisher, now = Date.now()): Promise<{ published: number; alreadyNotified: number }> {
  if (!config.topicArn) throw new Error('no topic ARN configured for notify');
  const findingsTable = table(config, 'findings');
  const all = await findingsForHour(ddb, findingsTable, input.hour);
  // A global secondary index is eventually consistent: right after Detect, it may not list them all.
  const seen = input.run === undefined ? all.length : all.filter((f) => f.detectRun === input.run).length;
  if (input.expected !== undefined && seen < input.expected) throw new FindingsNotIndexedYet(input.hour, seen, input.expected);
  let published = 0;
  for (const f of all.filter((x) => !x.notifiedAt).sort((a, b) => a.triggeredAt.localeCompare(b.triggeredAt) || a.id.localeCompare(b.id))) {
    if (!(await claimNotification(ddb, findingsTable, f.id, 'hourly', now))) continue;
    try {
      await sns.publish(toPublishInput(config.topicArn, findingNotification(config.tenantId, f)));
    } catch (err) {
      await releaseNotification(ddb, findingsTable, f.id);
      throw err;
    }
    await confirmNotification(ddb, findingsTable, f.id, now);
    published++;
  }
  return { published, alreadyNotified: all.length - published };
}
