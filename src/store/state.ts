/**
 * The near-time path's live detection state: one item per (detection, key) (sk `LIVE`), updated with
 * optimistic locking. The item also lists the uuids of the last events applied to it, so a redelivered
 * event is recognized on the read the path makes anyway. (Hourly runs keep theirs as one snapshot per
 * hour: ./snapshots.ts.)
 */
import { BatchGetCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { StateEntry } from '../detections/engine';
import { ttlSeconds } from '../time';
import { conditionally } from './dynamo';
import { LIVE_SK, statePk } from './keys';

/** How many applied event uuids a live state remembers (a redelivery comes soon after the first delivery). */
export const LIVE_RECENT_UUIDS = 64;

export interface LiveState {
  readonly entry?: StateEntry;
  readonly version: number;
  /** Uuids of the last events applied, oldest first. */
  readonly recent: readonly string[];
}

function liveOf(detectionId: string, key: string, item: Record<string, unknown> | undefined): LiveState {
  if (!item) return { version: 0, recent: [] };
  const recent = (item.recent as string[] | undefined) ?? [];
  const state = JSON.parse(item.state as string);
  if (state === null) return { version: item.version as number, recent };
  return { version: item.version as number, recent, entry: { detectionId, key, state, lastSeen: item.lastSeen as number, expiresAt: item.expiresAt as number } };
}

export async function loadLive(ddb: DynamoDBDocumentClient, table: string, detectionId: string, key: string): Promise<LiveState> {
  const res = await ddb.send(new GetCommand({ TableName: table, Key: { pk: statePk(detectionId, key), sk: LIVE_SK }, ConsistentRead: true }));
  return liveOf(detectionId, key, res.Item);
}

/** DynamoDB returns at most 100 items per BatchGetItem. */
const BATCH_GET_MAX = 100;

/**
 * The live states of many (detection, key) pairs in as few requests as DynamoDB allows (100 a request, strongly
 * consistent, unprocessed keys asked again), by statePk.
 */
export async function loadLiveMany(ddb: DynamoDBDocumentClient, table: string, pairs: ReadonlyArray<{ detectionId: string; key: string }>): Promise<Map<string, LiveState>> {
  const out = new Map<string, LiveState>();
  const byPk = new Map(pairs.map((p) => [statePk(p.detectionId, p.key), p]));
  const found = new Map<string, Record<string, unknown>>();
  const pks = [...byPk.keys()];
  for (let i = 0; i < pks.length; i += BATCH_GET_MAX) {
    let keys: Array<Record<string, unknown>> | undefined = pks.slice(i, i + BATCH_GET_MAX).map((pk) => ({ pk, sk: LIVE_SK }));
    for (let attempt = 0; keys?.length; attempt++) {
      if (attempt > 8) throw new Error(`BatchGetItem kept leaving ${keys.length} live states unprocessed`);
      if (attempt) await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * 10));
      const res = await ddb.send(new BatchGetCommand({ RequestItems: { [table]: { Keys: keys, ConsistentRead: true } } }));
      for (const item of res.Responses?.[table] ?? []) found.set(item.pk as string, item);
      keys = res.UnprocessedKeys?.[table]?.Keys as Array<Record<string, unknown>> | undefined;
    }
  }
  for (const [pk, p] of byPk) out.set(pk, liveOf(p.detectionId, p.key, found.get(pk)));
  return out;
}

/** Write the live state, with the uuids of the events just applied, if nobody else did since `live.version`; false on a concurrent update (caller retries). */
export function saveLive(ddb: DynamoDBDocumentClient, table: string, entry: StateEntry, live: LiveState, applied: readonly string[]): Promise<boolean> {
  const version = live.version;
  const recent = [...live.recent, ...applied].slice(-LIVE_RECENT_UUIDS);
  return conditionally(
    ddb.send(
      new PutCommand({
        TableName: table,
        Item: { pk: statePk(entry.detectionId, entry.key), sk: LIVE_SK, state: JSON.stringify(entry.state ?? null), lastSeen: entry.lastSeen, expiresAt: entry.expiresAt, ttl: ttlSeconds(entry.expiresAt, 1), version: version + 1, recent },
        ConditionExpression: version === 0 ? 'attribute_not_exists(pk)' : 'version = :v',
        ExpressionAttributeValues: version === 0 ? undefined : { ':v': version },
      }),
    ),
  );
}
