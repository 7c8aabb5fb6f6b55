/**
 * The events table: gzip NDJSON chunks of raw LogEvents keyed by event-time hour, and a quarantine for
 * records that could not be read (set aside, never dropped).
 */
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { OktaLogEvent } from '../okta/log-event';
import { batchGet, queryAll } from './dynamo';
import { chunkSk, hourPk, quarantinePk } from './keys';

/** Chunks hold at most this many events (and stay well under DynamoDB's 400 KB item limit). */
export const MAX_CHUNK_EVENTS = 200;
const MAX_CHUNK_BYTES = 300_000;

/** Deterministic chunk id: the same events always make the same chunk, so a retried write overwrites itself. */
export function chunkId(events: readonly OktaLogEvent[]): string {
  return createHash('sha256').update(events.map((e) => e.uuid).sort().join('\n')).digest('hex').slice(0, 24);
}

export function encodeChunk(events: readonly OktaLogEvent[]): Buffer {
  return gzipSync(events.map((e) => JSON.stringify(e)).join('\n'));
}

export function decodeChunk(data: Uint8Array): unknown[] {
  const text = gunzipSync(data).toString('utf8');
  return text === '' ? [] : text.split('\n').map((line) => JSON.parse(line));
}

/** Split an hour's events into chunks by count and compressed size. */
export function splitChunks(events: readonly OktaLogEvent[]): Array<{ id: string; events: OktaLogEvent[]; data: Buffer }> {
  const out: Array<{ id: string; events: OktaLogEvent[]; data: Buffer }> = [];
  const pending = [events.slice()];
  while (pending.length) {
    const part = pending.shift()!;
    if (part.length > MAX_CHUNK_EVENTS) {
      for (let i = 0; i < part.length; i += MAX_CHUNK_EVENTS) pending.push(part.slice(i, i + MAX_CHUNK_EVENTS));
      continue;
    }
    const data = encodeChunk(part);
    if (data.length > MAX_CHUNK_BYTES && part.length > 1) {
      const mid = Math.ceil(part.length / 2);
      pending.push(part.slice(0, mid), part.slice(mid));
      continue;
    }
    out.push({ id: chunkId(part), events: part, data });
  }
  return out;
}

export async function putChunk(ddb: DynamoDBDocumentClient, table: string, hour: string, chunk: { id: string; events: readonly OktaLogEvent[]; data: Buffer }, ttl: number): Promise<void> {
  await ddb.send(new PutCommand({ TableName: table, Item: { pk: hourPk(hour), sk: chunkSk(chunk.id), data: chunk.data, count: chunk.events.length, receivedAt: new Date().toISOString(), ttl } }));
}

/** Keys (sk) of an hour's chunks; from `startKey` (a Query's LastEvaluatedKey) on when given. */
export async function listChunks(ddb: DynamoDBDocumentClient, table: string, hour: string, startKey?: Record<string, unknown>): Promise<string[]> {
  const items = await queryAll(ddb, { TableName: table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': hourPk(hour) }, ProjectionExpression: 'sk', ExclusiveStartKey: startKey, ConsistentRead: true });
  return items.map((i) => i.sk as string);
}

/** Read chunks by key and yield their raw events. */
export async function* readChunks(ddb: DynamoDBDocumentClient, table: string, hour: string, chunkKeys: readonly string[]): AsyncGenerator<unknown> {
  for (let i = 0; i < chunkKeys.length; i += 25) {
    const items = await batchGet(ddb, table, chunkKeys.slice(i, i + 25).map((sk) => ({ pk: hourPk(hour), sk })));
    for (const item of items) yield* decodeChunk(item.data as Uint8Array);
  }
}

/** Set a record aside with the reason it could not be used. */
export async function quarantine(ddb: DynamoDBDocumentClient, table: string, id: string, reason: string, body: string, ttl: number): Promise<void> {
  const day = new Date().toISOString().slice(0, 10);
  await ddb.send(new PutCommand({ TableName: table, Item: { pk: quarantinePk(day), sk: id, reason, body: body.slice(0, 300_000), ttl } }));
}
