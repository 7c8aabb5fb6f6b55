/**
 * The events: gzip NDJSON chunks of raw LogEvents by event-time hour, each an object in the tenant's
 * bucket (S3 storage costs a tenth of DynamoDB's) referenced by an item of the events table (what the
 * hourly workflow queries); and a quarantine for records that could not be read (set aside, never
 * dropped).
 */
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { OBJECT_AREAS } from '../pipeline/buckets';
import type { OktaLogEvent } from '../okta/log-event';
import { queryAll } from './dynamo';
import { chunkSk, hourPk, KEY_PREFIX, quarantinePk } from './keys';

/** Chunks hold at most this many events. */
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

/** The object holding a chunk, from the hour and the chunk's sort key in the events table. */
export const chunkObjectKey = (hour: string, sk: string) => `${OBJECT_AREAS.events.prefix}${hour}/${sk.slice(KEY_PREFIX.chunk.length)}.ndjson.gz`;

/** Store a chunk: the object first, then its reference (so a listed chunk can always be read). */
export async function putChunk(ddb: DynamoDBDocumentClient, s3: S3Client, table: string, bucket: string, hour: string, chunk: { id: string; events: readonly OktaLogEvent[]; data: Buffer }, ttl: number): Promise<void> {
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: chunkObjectKey(hour, chunkSk(chunk.id)), Body: chunk.data, ContentType: 'application/gzip' }));
  await ddb.send(new PutCommand({ TableName: table, Item: { pk: hourPk(hour), sk: chunkSk(chunk.id), count: chunk.events.length, receivedAt: new Date().toISOString(), ttl } }));
}

/** Keys (sk) of an hour's chunks; from `startKey` (a Query's LastEvaluatedKey) on when given. */
export async function listChunks(ddb: DynamoDBDocumentClient, table: string, hour: string, startKey?: Record<string, unknown>): Promise<string[]> {
  const items = await queryAll(ddb, { TableName: table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': hourPk(hour) }, ProjectionExpression: 'sk', ExclusiveStartKey: startKey, ConsistentRead: true });
  return items.map((i) => i.sk as string);
}

/** How many chunk objects are fetched at once. */
const PARALLEL_READS = 8;

/** Read chunks by key (a few objects at a time) and yield their raw events. */
export async function* readChunks(s3: S3Client, bucket: string, hour: string, chunkKeys: readonly string[]): AsyncGenerator<unknown> {
  for (let i = 0; i < chunkKeys.length; i += PARALLEL_READS) {
    const bodies = await Promise.all(
      chunkKeys.slice(i, i + PARALLEL_READS).map(async (sk) => (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: chunkObjectKey(hour, sk) }))).Body!.transformToByteArray()),
    );
    for (const data of bodies) yield* decodeChunk(data);
  }
}

/** Set a record aside with the reason it could not be used. */
export async function quarantine(ddb: DynamoDBDocumentClient, table: string, id: string, reason: string, body: string, ttl: number): Promise<void> {
  const day = new Date().toISOString().slice(0, 10);
  await ddb.send(new PutCommand({ TableName: table, Item: { pk: quarantinePk(day), sk: id, reason, body: body.slice(0, 300_000), ttl } }));
}
