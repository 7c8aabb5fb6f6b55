/**
 * The hours table: one item per event-time hour, through the statuses of HOUR_STATUS (./keys.ts).
 */
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DetectionFailure } from '../detections/engine';
import { HOUR } from '../time';
import { conditionally, queryAll } from './dynamo';
import { HOUR_STATUS, type HourStatus } from './keys';

/** Count arrivals into an hour; returns true when the hour had already been processed (it is now marked for reprocessing). */
export async function recordArrivals(ddb: DynamoDBDocumentClient, table: string, tenant: string, hour: string, events: number, chunks: number, ttl: number): Promise<boolean> {
  const res = await ddb.send(
    new UpdateCommand({
      TableName: table,
      Key: { tenant, hour },
      UpdateExpression: 'ADD events :e, chunks :c SET #s = if_not_exists(#s, :open), updatedAt = :now, #ttl = :ttl',
      ExpressionAttributeNames: { '#s': 'status', '#ttl': 'ttl' },
      ExpressionAttributeValues: { ':e': events, ':c': chunks, ':open': HOUR_STATUS.open, ':now': new Date().toISOString(), ':ttl': ttl },
      ReturnValues: 'ALL_NEW',
    }),
  );
  const status = res.Attributes?.status as HourStatus | undefined;
  if (status !== HOUR_STATUS.done && status !== HOUR_STATUS.running) return false;
  await conditionally(
    ddb.send(
      new UpdateCommand({
        TableName: table,
        Key: { tenant, hour },
        UpdateExpression: 'SET #s = :reprocess, lateArrivals = if_not_exists(lateArrivals, :zero) + :e',
        ConditionExpression: '#s IN (:done, :running)',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':reprocess': HOUR_STATUS.reprocess, ':done': HOUR_STATUS.done, ':running': HOUR_STATUS.running, ':zero': 0, ':e': events },
      }),
    ),
  );
  return true;
}

export interface PendingHoursOptions {
  /** The latest closed hour: OPEN hours up to it were never processed (a missed or failed schedule). */
  readonly closedHour: string;
  /** RUNNING hours claimed before this (ISO) belong to an execution that died: process them again. */
  readonly staleBefore: string;
  readonly limit?: number;
}

/**
 * Closed hours since a given hour that still need a run: marked for reprocessing (late events, a failed
 * step), never processed (OPEN: the run for them never started, or failed before its Plan finished), or
 * claimed by a run that never finished (RUNNING, stale: the execution timed out, was aborted or failed
 * outside the per-hour error handling). Oldest first.
 */
export async function hoursToReprocess(ddb: DynamoDBDocumentClient, table: string, tenant: string, sinceHour: string, options: PendingHoursOptions): Promise<string[]> {
  const items = await queryAll(
    ddb,
    {
      TableName: table,
      KeyConditionExpression: 'tenant = :t AND #h BETWEEN :since AND :closed',
      FilterExpression: '#s = :reprocess OR #s = :open OR (#s = :running AND runStartedAt < :stale)',
      ExpressionAttributeNames: { '#h': 'hour', '#s': 'status' },
      ExpressionAttributeValues: { ':t': tenant, ':since': sinceHour, ':closed': options.closedHour, ':reprocess': HOUR_STATUS.reprocess, ':open': HOUR_STATUS.open, ':running': HOUR_STATUS.running, ':stale': options.staleBefore },
      ConsistentRead: true,
    },
    options.limit ?? 48,
  );
  return items.map((i) => i.hour as string);
}

/**
 * Which of the hours from `fromHour` to `toHour` (inclusive) have had events arrive, with each one's status, in one
 * query: an hour nothing arrived for has no item, or none counted. Readers of a day (Activity, refresh-user) read only these.
 */
export async function hoursWithEvents(ddb: DynamoDBDocumentClient, table: string, tenant: string, fromHour: string, toHour: string): Promise<Map<string, HourStatus>> {
  const items = await queryAll(ddb, {
    TableName: table,
    KeyConditionExpression: 'tenant = :t AND #h BETWEEN :from AND :to',
    FilterExpression: '#e > :none',
    ProjectionExpression: '#h, #s',
    ExpressionAttributeNames: { '#h': 'hour', '#e': 'events', '#s': 'status' },
    ExpressionAttributeValues: { ':t': tenant, ':from': fromHour, ':to': toHour, ':none': 0 },
  });
  return new Map(items.map((i) => [i.hour as string, i.status as HourStatus]));
}

/** Give back a claim this run holds (a step failed before the workflow could use it): the next run takes the hour. */
export async function releaseHour(ddb: DynamoDBDocumentClient, table: string, tenant: string, hour: string, claimedAt: number): Promise<void> {
  await conditionally(
    ddb.send(
      new UpdateCommand({
        TableName: table,
        Key: { tenant, hour },
        UpdateExpression: 'SET #s = :reprocess',
        ConditionExpression: '#s = :running AND runStartedAt = :claimed',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':reprocess': HOUR_STATUS.reprocess, ':running': HOUR_STATUS.running, ':claimed': new Date(claimedAt).toISOString() },
      }),
    ),
  );
}

/** Mark a pending hour EXPIRED (its events are past the retention); false when it was not pending any more. */
export async function expireHour(ddb: DynamoDBDocumentClient, table: string, tenant: string, hour: string): Promise<boolean> {
  return conditionally(
    ddb.send(
      new UpdateCommand({
        TableName: table,
        Key: { tenant, hour },
        UpdateExpression: 'SET #s = :expired, expiredAt = :now',
        ConditionExpression: '#s IN (:reprocess, :open, :running)',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':expired': HOUR_STATUS.expired, ':reprocess': HOUR_STATUS.reprocess, ':open': HOUR_STATUS.open, ':running': HOUR_STATUS.running, ':now': new Date().toISOString() },
      }),
    ),
  );
}

/** An hour someone should look at: a detection threw on some of its events, or it expired unprocessed. */
export interface HourNeedingAttention {
  readonly hour: string;
  readonly status: HourStatus;
  readonly detectionFailureCount?: number;
  readonly detectionFailures?: readonly DetectionFailure[];
}

/** The tenant's hours that need attention (see HourNeedingAttention), oldest first. */
export async function hoursNeedingAttention(ddb: DynamoDBDocumentClient, table: string, tenant: string): Promise<HourNeedingAttention[]> {
  return queryAll<HourNeedingAttention>(ddb, {
    TableName: table,
    KeyConditionExpression: 'tenant = :t',
    FilterExpression: 'attribute_exists(detectionFailures) OR #s = :expired',
    ProjectionExpression: '#h, #s, detectionFailureCount, detectionFailures',
    ExpressionAttributeNames: { '#h': 'hour', '#s': 'status' },
    ExpressionAttributeValues: { ':t': tenant, ':expired': HOUR_STATUS.expired },
  });
}

/** How long a run's claim on an hour holds; after that the run is presumed dead and the hour is taken again. */
export const STALE_CLAIM_MS = HOUR;

/**
 * Claim an hour for a run (status RUNNING). Fails (returns false) when another run holds it and has
 * held it for less than `staleAfterMs`.
 */
export async function claimHour(ddb: DynamoDBDocumentClient, table: string, tenant: string, hour: string, now: number, ttl: number, staleAfterMs = STALE_CLAIM_MS, owner = 'unknown'): Promise<boolean> {
  return conditionally(
    ddb.send(
      new UpdateCommand({
        TableName: table,
        Key: { tenant, hour },
        UpdateExpression: 'SET #s = :running, runStartedAt = :now, runOwner = :owner, #ttl = if_not_exists(#ttl, :ttl)',
        // Free, not running, stale, or already ours (Step Functions retrying a Plan that had claimed it).
        ConditionExpression: 'attribute_not_exists(#s) OR #s <> :running OR runStartedAt < :stale OR runOwner = :owner',
        ExpressionAttributeNames: { '#s': 'status', '#ttl': 'ttl' },
        ExpressionAttributeValues: { ':running': HOUR_STATUS.running, ':now': new Date(now).toISOString(), ':stale': new Date(now - staleAfterMs).toISOString(), ':ttl': ttl, ':owner': owner },
      }),
    ),
  );
}

/**
 * Re-open a processed hour because an earlier hour's state changed after it ran (a late event, a
 * replay): its detections started from stale state. Only DONE hours are re-opened; others will run anyway.
 */
export async function reopenHour(ddb: DynamoDBDocumentClient, table: string, tenant: string, hour: string, because: string): Promise<boolean> {
  return conditionally(
    ddb.send(
      new UpdateCommand({
        TableName: table,
        Key: { tenant, hour },
        UpdateExpression: 'SET #s = :reprocess, reopenedBecause = :why',
        ConditionExpression: '#s = :done',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':reprocess': HOUR_STATUS.reprocess, ':done': HOUR_STATUS.done, ':why': because },
      }),
    ),
  );
}

/** An hour item keeps at most this many of its detection failures (every one is counted in `detectionFailureCount`). */
export const MAX_STORED_FAILURES = 20;

/**
 * Record what the detections that threw on this hour's events said (detection, event uuid, message), or clear
 * it when none threw: the hour stays marked with its failures until a run of it has none.
 */
export async function recordDetectionFailures(ddb: DynamoDBDocumentClient, table: string, tenant: string, hour: string, failures: readonly DetectionFailure[]): Promise<void> {
  const names = { '#s': 'status' };
  await conditionally(
    ddb.send(
      new UpdateCommand(
        failures.length
          ? {
              TableName: table,
              Key: { tenant, hour },
              UpdateExpression: 'SET detectionFailures = :failures, detectionFailureCount = :n',
              ConditionExpression: 'attribute_exists(#s)',
              ExpressionAttributeNames: names,
              ExpressionAttributeValues: { ':failures': failures.slice(0, MAX_STORED_FAILURES), ':n': failures.length },
            }
          : { TableName: table, Key: { tenant, hour }, UpdateExpression: 'REMOVE detectionFailures, detectionFailureCount', ConditionExpression: 'attribute_exists(#s)', ExpressionAttributeNames: names },
      ),
    ),
  );
}
