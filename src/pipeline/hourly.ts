/**
 * The three Lambda steps of the hourly workflow (src/workflow/hourly.ts): plan the hours, detect over
 * one hour, notify that hour's new findings.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { resolveCatalog } from '../detections/catalog';
import { DetectionEngine, hourBucket, type StateEntry } from '../detections/engine';
import type { Finding } from '../detections/types';
import { normalize, type OktaEvent } from '../okta/event';
import type { Publisher } from '../aws/clients';
import { readChunks, ttlSeconds } from '../store/events';
import { claimNotification, findingsForHour, putFinding, releaseNotification } from '../store/findings';
import { claimHour, hoursToReprocess } from '../store/hours';
import { loadSnapshot, saveSnapshots } from '../store/state';
import { table, type HandlerConfig } from './config';
import { findingNotification, toPublishInput } from './notifications';

const HOUR = 3_600_000;

export interface PlanInput {
  readonly tenantId: string;
  /** When the schedule fired (ISO); the hour just closed is the one that ended a grace period before it. */
  readonly scheduledTime: string;
  /** Explicit hours (YYYY-MM-DDTHH) to process instead of the closed hour, e.g. after a replay. */
  readonly hours?: readonly string[];
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
  const wanted = input.hours?.length ? [...input.hours] : [closedHour(input.scheduledTime, config.settings.gracePeriodMinutes)];
  const since = hourBucket(Date.parse(input.scheduledTime) - 7 * 24 * HOUR);
  for (const h of await hoursToReprocess(ddb, hoursTable, config.tenantId, since)) if (!wanted.includes(h)) wanted.push(h);
  const hours: string[] = [];
  const skipped: string[] = [];
  const ttl = ttlSeconds(now, config.settings.retentionDays);
  for (const h of wanted.sort()) {
    if (!/^\d{4}-\d\d-\d\dT\d\d$/.test(h)) throw new Error(`hour ${JSON.stringify(h)} is not YYYY-MM-DDTHH`);
    if (await claimHour(ddb, hoursTable, config.tenantId, h, now, ttl)) hours.push(h);
    else skipped.push(h);
  }
  return { hours, skipped };
}

export interface DetectInput {
  readonly tenantId: string;
  readonly hour: string;
  /** Chunk sort keys, as strings or as DynamoDB items (`{ sk: { S } }`, straight from the workflow's Query). */
  readonly chunks: ReadonlyArray<string | { readonly sk: { readonly S: string } }>;
}

function chunkKeys(chunks: DetectInput['chunks']): string[] {
  return chunks.map((c) => (typeof c === 'string' ? c : c.sk.S));
}

export interface DetectOutput {
  readonly hour: string;
  readonly events: number;
  readonly duplicates: number;
  readonly malformed: number;
  readonly findings: number;
  readonly newFindings: number;
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

  const events = new Map<string, OktaEvent>();
  let duplicates = 0;
  let malformed = 0;
  for await (const raw of readChunks(ddb, table(config, 'events'), input.hour, chunkKeys(input.chunks))) {
    try {
      const e = normalize(raw);
      if (events.has(e.uuid)) duplicates++;
      else events.set(e.uuid, e);
    } catch {
      malformed++;
    }
  }
  const ordered = [...events.values()].sort((a, b) => a.time - b.time || a.uuid.localeCompare(b.uuid));

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
  await saveSnapshots(ddb, stateTable, input.hour, touched, now + config.settings.retentionDays * 86_400_000);

  const findingsTable = table(config, 'findings');
  const ttl = ttlSeconds(now, config.settings.retentionDays);
  let newFindings = 0;
  for (const f of found) if (await putFinding(ddb, findingsTable, f, ttl, now)) newFindings++;
  return { hour: input.hour, events: ordered.length, duplicates, malformed, findings: found.length, newFindings, found };
}

export interface NotifyInput {
  readonly tenantId: string;
  readonly hour: string;
  /** How many findings Detect stored for the hour; the byHour index must show at least these. */
  readonly expected?: number;
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
  if (input.expected !== undefined && all.length < input.expected) throw new FindingsNotIndexedYet(input.hour, all.length, input.expected);
  let published = 0;
  for (const f of all.filter((x) => !x.notifiedAt).sort((a, b) => a.triggeredAt.localeCompare(b.triggeredAt) || a.id.localeCompare(b.id))) {
    if (!(await claimNotification(ddb, findingsTable, f.id, 'hourly', now))) continue;
    try {
      await sns.publish(toPublishInput(config.topicArn, findingNotification(config.tenantId, f)));
      published++;
    } catch (err) {
      await releaseNotification(ddb, findingsTable, f.id);
      throw err;
    }
  }
  return { published, alreadyNotified: all.length - published };
}
