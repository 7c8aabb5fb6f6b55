/**
 * The findings table. A finding's id is stable (detection, key, hour of the triggering event), so a
 * rerun of an hour, a replay or the near-time path finding the same thing again all land on one item,
 * and `notifiedAt` is set once, by the notifier that held the claim when it published.
 */
import { PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { conditionally, queryAll } from './dynamo';
import type { Finding } from '../detections/types';
import { hourBucket } from '../time';

const KIND = 'FINDING';

export interface StoredFinding extends Finding {
  readonly hour: string;
  readonly subjectKey: string;
  readonly notifiedAt?: string;
  readonly foundAt: string;
  /** The last hourly Detect run that found it (see {@link putFinding}). */
  readonly detectRun?: string;
}

export function subjectKey(f: Pick<Finding, 'subject'>): string {
  return `${f.subject.type}#${f.subject.id}`;
}

/**
 * Store a finding unless it exists. Returns true when it is new. With `detectRun`, the finding (new or
 * not) is stamped with that run, so the run's Notify can tell when the eventually consistent byHour
 * index shows every finding the run found, whatever else the hour holds.
 */
export async function putFinding(ddb: DynamoDBDocumentClient, table: string, f: Finding, ttl: number, now = Date.now(), detectRun?: string): Promise<boolean> {
  const item: StoredFinding & { kind: string; ttl: number } = {
    ...f,
    kind: KIND,
    hour: hourBucket(Date.parse(f.triggeredAt)),
    subjectKey: subjectKey(f),
    foundAt: new Date(now).toISOString(),
    ...(detectRun ? { detectRun } : {}),
    ttl,
  };
  if (await conditionally(ddb.send(new PutCommand({ TableName: table, Item: item, ConditionExpression: 'attribute_not_exists(id)' })))) return true;
  if (detectRun) {
    await ddb.send(new UpdateCommand({ TableName: table, Key: { id: f.id, kind: KIND }, UpdateExpression: 'SET detectRun = :run', ExpressionAttributeValues: { ':run': detectRun } }));
  }
  return false;
}

/** Findings triggered in an hour; only those not yet notified when `pendingOnly`. */
export function findingsForHour(ddb: DynamoDBDocumentClient, table: string, hour: string, pendingOnly = false): Promise<StoredFinding[]> {
  return queryAll<StoredFinding>(ddb, {
    TableName: table,
    IndexName: 'byHour',
    KeyConditionExpression: '#h = :h',
    ...(pendingOnly ? { FilterExpression: 'attribute_not_exists(notifiedAt)' } : {}),
    ExpressionAttributeNames: { '#h': 'hour' },
    ExpressionAttributeValues: { ':h': hour },
  });
}

/** A subject's findings not yet notified. */
export function pendingForSubject(ddb: DynamoDBDocumentClient, table: string, key: string): Promise<StoredFinding[]> {
  return queryAll<StoredFinding>(ddb, {
    TableName: table,
    IndexName: 'bySubject',
    KeyConditionExpression: 'subjectKey = :k',
    FilterExpression: 'attribute_not_exists(notifiedAt)',
    ExpressionAttributeValues: { ':k': key },
  });
}

/** How long a claim to notify holds; a notifier that died after claiming is taken over after it. */
export const NOTIFY_LEASE_MS = 15 * 60_000;

/**
 * Claim the right to notify a finding: a lease, so one notifier publishes at a time, and a notifier that
 * died between claim and publish does not lose the notification (the next run takes the lease over).
 * Confirm with {@link confirmNotification} after publishing, or give it back with {@link releaseNotification}.
 */
export function claimNotification(ddb: DynamoDBDocumentClient, table: string, id: string, via: string, now = Date.now()): Promise<boolean> {
  return conditionally(
    ddb.send(
      new UpdateCommand({
        TableName: table,
        Key: { id, kind: KIND },
        UpdateExpression: 'SET claimedAt = :now, claimedBy = :via',
        ConditionExpression: 'attribute_exists(id) AND attribute_not_exists(notifiedAt) AND (attribute_not_exists(claimedAt) OR claimedAt < :stale)',
        ExpressionAttributeValues: { ':now': new Date(now).toISOString(), ':via': via, ':stale': new Date(now - NOTIFY_LEASE_MS).toISOString() },
      }),
    ),
  );
}

/** Record that a claimed finding was published: from now on nobody notifies it again. */
export async function confirmNotification(ddb: DynamoDBDocumentClient, table: string, id: string, now = Date.now()): Promise<void> {
  await ddb.send(
    new UpdateCommand({
      TableName: table,
      Key: { id, kind: KIND },
      UpdateExpression: 'SET notifiedAt = :now, notifiedVia = claimedBy REMOVE claimedAt',
      ExpressionAttributeValues: { ':now': new Date(now).toISOString() },
    }),
  );
}

/**
 * Publish a message for findings already claimed, then record each of them notified; if the publish fails, give
 * the claims back (so the next run notifies them) and fail.
 */
export async function publishClaimed(ddb: DynamoDBDocumentClient, table: string, ids: readonly string[], publish: () => Promise<unknown>, now = Date.now()): Promise<void> {
  try {
    await publish();
  } catch (err) {
    for (const id of ids) await releaseNotification(ddb, table, id);
    throw err;
  }
  for (const id of ids) await confirmNotification(ddb, table, id, now);
}

/** Give a claim back after a failed publish, so the next run notifies. */
export async function releaseNotification(ddb: DynamoDBDocumentClient, table: string, id: string): Promise<void> {
  await ddb.send(new UpdateCommand({ TableName: table, Key: { id, kind: KIND }, UpdateExpression: 'REMOVE claimedAt, claimedBy' }));
}
