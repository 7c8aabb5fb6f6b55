/**
 * Detection state between runs. Hourly runs write a snapshot per (detection, key) at the end of each
 * hour (sk `S#<hour>`) and start an hour from the latest snapshot before it, so rerunning an hour gives
 * the same findings. The near-time path keeps one live state per key (sk `LIVE`), updated with
 * optimistic locking.
 */
import { GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { StateEntry } from '../detections/engine';
import { ttlSeconds } from '../time';
import { batchGet, batchWrite, conditionally } from './dynamo';
import { KEY_PREFIX, LIVE_SK, snapshotSk, statePk } from './keys';

/** The latest snapshot strictly before an hour. */
export async function loadSnapshot(ddb: DynamoDBDocumentClient, table: string, detectionId: string, key: string, beforeHour: string): Promise<StateEntry | undefined> {
  const res = await ddb.send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :lo AND :hi',
      ExpressionAttributeValues: { ':pk': statePk(detectionId, key), ':lo': KEY_PREFIX.snapshot, ':hi': snapshotSk(beforeHour) },
      ScanIndexForward: false,
      Limit: 2,
      // The previous hour's snapshot was written moments ago (by the previous Map iteration, or a rerun).
      ConsistentRead: true,
    }),
  );
  const item = (res.Items ?? []).find((i) => (i.sk as string) < snapshotSk(beforeHour));
  if (!item) return undefined;
  const state = JSON.parse(item.state as string);
  if (state === null) return undefined; // tombstone: the key's state ended in that hour
  return { detectionId, key, state, lastSeen: item.lastSeen as number, expiresAt: item.expiresAt as number };
}

export async function saveSnapshots(ddb: DynamoDBDocumentClient, table: string, hour: string, entries: readonly StateEntry[], retentionFloorMs: number): Promise<void> {
  await batchWrite(
    ddb,
    table,
    entries.map((e) => ({
      pk: statePk(e.detectionId, e.key),
      sk: snapshotSk(hour),
      state: JSON.stringify(e.state),
      lastSeen: e.lastSeen,
      expiresAt: e.expiresAt,
      ttl: ttlSeconds(Math.max(e.expiresAt, retentionFloorMs), 0),
    })),
  );
}

/** The snapshots written at exactly this hour (by an earlier run of it), as stored JSON, by `detectionId\u0000key`. */
export async function snapshotsAt(ddb: DynamoDBDocumentClient, table: string, hour: string, keys: ReadonlyArray<{ detectionId: string; key: string }>): Promise<Map<string, string>> {
  const items = await batchGet(ddb, table, keys.map((k) => ({ pk: statePk(k.detectionId, k.key), sk: snapshotSk(hour) })));
  const byPk = new Map(keys.map((k) => [statePk(k.detectionId, k.key), `${k.detectionId}\u0000${k.key}`]));
  return new Map(items.map((i) => [byPk.get(i.pk as string)!, i.state as string]));
}

/** The first hour after `hour` that has a snapshot for this key: the next run that built on this key's state. */
export async function nextSnapshotHour(ddb: DynamoDBDocumentClient, table: string, detectionId: string, key: string, hour: string): Promise<string | undefined> {
  const res = await ddb.send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: 'pk = :pk AND sk > :after',
      ExpressionAttributeValues: { ':pk': statePk(detectionId, key), ':after': snapshotSk(hour) },
      Limit: 1,
      ConsistentRead: true,
    }),
  );
  const sk = res.Items?.[0]?.sk as string | undefined;
  return sk?.startsWith(KEY_PREFIX.snapshot) ? sk.slice(KEY_PREFIX.snapshot.length) : undefined;
}

export interface LiveState {
  readonly entry?: StateEntry;
  readonly version: number;
}

export async function loadLive(ddb: DynamoDBDocumentClient, table: string, detectionId: string, key: string): Promise<LiveState> {
  const res = await ddb.send(new GetCommand({ TableName: table, Key: { pk: statePk(detectionId, key), sk: LIVE_SK }, ConsistentRead: true }));
  const item = res.Item;
  if (!item) return { version: 0 };
  const state = JSON.parse(item.state as string);
  if (state === null) return { version: item.version as number };
  return { version: item.version as number, entry: { detectionId, key, state, lastSeen: item.lastSeen as number, expiresAt: item.expiresAt as number } };
}

/** Write the live state if nobody else did since `version`; false on a concurrent update (caller retries). */
export function saveLive(ddb: DynamoDBDocumentClient, table: string, entry: StateEntry, version: number): Promise<boolean> {
  return conditionally(
    ddb.send(
      new PutCommand({
        TableName: table,
        Item: { pk: statePk(entry.detectionId, entry.key), sk: LIVE_SK, state: JSON.stringify(entry.state ?? null), lastSeen: entry.lastSeen, expiresAt: entry.expiresAt, ttl: ttlSeconds(entry.expiresAt, 1), version: version + 1 },
        ConditionExpression: version === 0 ? 'attribute_not_exists(pk)' : 'version = :v',
        ExpressionAttributeValues: version === 0 ? undefined : { ':v': version },
      }),
    ),
  );
}
