/** The hourly workflow's Plan step: which hours this run processes, each claimed so that no other run does it too. */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { claimHour, expireHour, hoursToReprocess, releaseHour, STALE_CLAIM_MS } from '../store/hours';
import { DAY, HOUR, hourBucket, MINUTE, ttlSeconds } from '../time';
import { table, type HandlerConfig } from './config';
import type { PlanInput, PlanOutput } from './workflow-steps';

/** The hour that closed `graceMinutes` before `scheduledTime`. */
export function closedHour(scheduledTime: string, graceMinutes: number): string {
  const t = Date.parse(scheduledTime);
  if (!Number.isFinite(t)) throw new Error(`scheduledTime ${JSON.stringify(scheduledTime)} is not a timestamp`);
  return hourBucket(t - graceMinutes * MINUTE - HOUR);
}

/** The oldest hour whose events are still kept (the tenant's retention) for a run scheduled at `scheduledTime`. */
export function oldestRetainedHour(scheduledTime: string, retentionDays: number): string {
  return hourBucket(Date.parse(scheduledTime) - retentionDays * DAY);
}

/**
 * Closed hours still pending for a run scheduled at `scheduledTime` (see hoursToReprocess): however late,
 * as long as their events are kept (the tenant's retention), up to the hour just closed, which is among
 * them when events arrived for it.
 */
export function pendingHours(ddb: DynamoDBDocumentClient, hoursTable: string, tenantId: string, scheduledTime: string, graceMinutes: number, now: number, retentionDays: number): Promise<string[]> {
  return hoursToReprocess(ddb, hoursTable, tenantId, oldestRetainedHour(scheduledTime, retentionDays), { closedHour: closedHour(scheduledTime, graceMinutes), staleBefore: new Date(now - STALE_CLAIM_MS).toISOString() });
}

/**
 * Hours still pending from before the retention: their events are gone, so they cannot be processed. Each
 * is marked EXPIRED (once: the next run does not find it again) and returned, for Plan to log and count
 * (LOG_METRICS.hoursExpired, alarmed). Few items are read: hour items expire with the retention too,
 * unless a late arrival or a run kept one alive.
 */
async function expirePendingHours(ddb: DynamoDBDocumentClient, hoursTable: string, tenantId: string, oldest: string, now: number): Promise<string[]> {
  const before = hourBucket(Date.parse(`${oldest}:00:00Z`) - HOUR);
  const stale = await hoursToReprocess(ddb, hoursTable, tenantId, '0000', { closedHour: before, staleBefore: new Date(now - STALE_CLAIM_MS).toISOString() });
  const expired: string[] = [];
  for (const h of stale) if (await expireHour(ddb, hoursTable, tenantId, h)) expired.push(h);
  return expired;
}

export async function plan(input: PlanInput, config: HandlerConfig, ddb: DynamoDBDocumentClient, now = Date.now()): Promise<PlanOutput> {
  const hoursTable = table(config, 'hours');
  const scheduledTime = input.scheduledTime ?? input.request?.scheduledTime ?? input.startedAt ?? new Date(now).toISOString();
  const requested = input.hours ?? input.request?.hours ?? [];
  const closed = closedHour(scheduledTime, config.settings.gracePeriodMinutes);
  const wanted = requested.length ? [...requested] : [closed];
  for (const h of wanted) if (!/^\d{4}-\d\d-\d\dT\d\d$/.test(h)) throw new Error(`hour ${JSON.stringify(h)} is not YYYY-MM-DDTHH`);
  const pending = await pendingHours(ddb, hoursTable, config.tenantId, scheduledTime, config.settings.gracePeriodMinutes, now, config.settings.retentionDays);
  const expired = await expirePendingHours(ddb, hoursTable, config.tenantId, oldestRetainedHour(scheduledTime, config.settings.retentionDays), now);
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
  return { hours, skipped, expired, hoursExpired: expired.length };
}
