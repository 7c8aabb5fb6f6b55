/**
 * The hours table: one item per event-time hour. OPEN while events arrive, RUNNING while the workflow
 * processes it, DONE after, REPROCESS when a late event lands in a processed hour or a step failed.
 */
import { QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export type HourStatus = 'OPEN' | 'RUNNING' | 'DONE' | 'REPROCESS';

export interface HourRecord {
  readonly tenant: string;
  readonly hour: string;
  readonly status: HourStatus;
  readonly events?: number;
  readonly chunks?: number;
}

const isConditionFailure = (err: unknown) => (err as { name?: string }).name === 'ConditionalCheckFailedException';

/** Count arrivals into an hour; returns true when the hour had already been processed (it is now marked for reprocessing). */
export async function recordArrivals(ddb: DynamoDBDocumentClient, table: string, tenant: string, hour: string, events: number, chunks: number, ttl: number): Promise<boolean> {
  const res = await ddb.send(
    new UpdateCommand({
      TableName: table,
      Key: { tenant, hour },
      UpdateExpression: 'ADD events :e, chunks :c SET #s = if_not_exists(#s, :open), updatedAt = :now, #ttl = :ttl',
      ExpressionAttributeNames: { '#s': 'status', '#ttl': 'ttl' },
      ExpressionAttributeValues: { ':e': events, ':c': chunks, ':open': 'OPEN', ':now': new Date().toISOString(), ':ttl': ttl },
      ReturnValues: 'ALL_NEW',
    }),
  );
  const status = res.Attributes?.status as HourStatus | undefined;
  if (status !== 'DONE' && status !== 'RUNNING') return false;
  try {
    await ddb.send(
      new UpdateCommand({
        TableName: table,
        Key: { tenant, hour },
        UpdateExpression: 'SET #s = :reprocess, lateArrivals = if_not_exists(lateArrivals, :zero) + :e',
        ConditionExpression: '#s IN (:done, :running)',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':reprocess': 'REPROCESS', ':done': 'DONE', ':running': 'RUNNING', ':zero': 0, ':e': events },
      }),
    );
  } catch (err) {
    if (!isConditionFailure(err)) throw err;
  }
  return true;
}

/** Hours marked for reprocessing since a given hour. */
export async function hoursToReprocess(ddb: DynamoDBDocumentClient, table: string, tenant: string, sinceHour: string, limit = 48): Promise<string[]> {
  const hours: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await ddb.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'tenant = :t AND #h >= :since',
        FilterExpression: '#s = :reprocess',
        ExpressionAttributeNames: { '#h': 'hour', '#s': 'status' },
        ExpressionAttributeValues: { ':t': tenant, ':since': sinceHour, ':reprocess': 'REPROCESS' },
        ExclusiveStartKey: start,
      }),
    );
    for (const i of page.Items ?? []) hours.push(i.hour as string);
    start = page.LastEvaluatedKey;
  } while (start && hours.length < limit);
  return hours.slice(0, limit);
}

/**
 * Claim an hour for a run (status RUNNING). Fails (returns false) when another run holds it and has
 * held it for less than `staleAfterMs`.
 */
export async function claimHour(ddb: DynamoDBDocumentClient, table: string, tenant: string, hour: string, now: number, ttl: number, staleAfterMs = 3_600_000): Promise<boolean> {
  try {
    await ddb.send(
      new UpdateCommand({
        TableName: table,
        Key: { tenant, hour },
        UpdateExpression: 'SET #s = :running, runStartedAt = :now, #ttl = if_not_exists(#ttl, :ttl)',
        ConditionExpression: 'attribute_not_exists(#s) OR #s <> :running OR runStartedAt < :stale',
        ExpressionAttributeNames: { '#s': 'status', '#ttl': 'ttl' },
        ExpressionAttributeValues: { ':running': 'RUNNING', ':now': new Date(now).toISOString(), ':stale': new Date(now - staleAfterMs).toISOString(), ':ttl': ttl },
      }),
    );
    return true;
  } catch (err) {
    if (isConditionFailure(err)) return false;
    throw err;
  }
}
