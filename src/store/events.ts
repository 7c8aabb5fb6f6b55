/**
 * The events: gzip NDJSON objects in the tenant's bucket (S3 storage costs a tenth of DynamoDB's), as the
 * delivery stream wrote them (src/pipeline/delivery.ts), or as a direct write (an hour's few events of a
 * delivered object, written apart by ingest; events fetched from Okta's API); each referenced by an item
 * of the events table under every event-time hour it holds (what the hourly workflow queries: one object
 * may hold events of several hours, and a reader keeps the hour's own). And a quarantine for records that could not be read (set aside, never dropped).
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip, gunzipSync, gzipSync } from 'node:zlib';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { OBJECT_AREAS } from '../pipeline/buckets';
import type { OktaLogEvent } from '../okta/log-event';
import { putAll, queryAll } from './dynamo';
import { settledLater } from '../promises';
import { parseIsoTime } from '../time';
import { chunkSk, hourPk, KEY_PREFIX, quarantinePk } from './keys';

/** One record of an events object: the parsed value, or the line as it was when it is not JSON. */
export interface StoredRecord {
  /** The parsed record, when it is JSON. */
  readonly value?: unknown;
  /** Why it is not, with the line as it was. */
  readonly error?: string;
  readonly line?: string;
}

/** Which lines of an object a reader wants parsed: one told false is skipped unparsed (src/okta/raw-fields.ts). @default every line */
export type LineFilter = (line: string) => boolean;

/** An events object's records (NDJSON, gzip): a line that is not JSON comes back as such, never stopping the rest. */
export function decodeRecords(data: Uint8Array, wanted?: LineFilter): StoredRecord[] {
  return parseRecords(gunzipSync(data), wanted);
}

/** The records of an object's NDJSON (decompressed). */
function parseRecords(ndjson: Buffer, wanted?: LineFilter): StoredRecord[] {
  const out: StoredRecord[] = [];
  for (const line of ndjson.toString('utf8').split('\n')) {
    if (line.trim() === '' || (wanted && !wanted(line))) continue;
    try {
      out.push({ value: JSON.parse(line) });
    } catch (err) {
      out.push({ line, error: (err as Error).message });
    }
  }
  return out;
}

/** The object a reference (events table sk) points at. */
export const chunkObjectKey = (sk: string) => sk.slice(KEY_PREFIX.chunk.length);

/**
 * A reference to an object under an event-time hour, with how many of its events fall in that hour and the time of
 * the earliest of them (epoch ms): the hour's reader merges its objects in time order by it.
 */
export interface ChunkRef {
  readonly hour: string;
  readonly objectKey: string;
  readonly count: number;
  readonly first: number;
}

/**
 * Reference objects under event-time hours, 25 references a request. Writing one again (a redelivered
 * notification) overwrites it with the same item. When a request fails, its references are written one by
 * one, so that an hour that cannot be referenced never holds back the others; its error is then thrown.
 */
export async function putChunkRefs(ddb: DynamoDBDocumentClient, table: string, refs: readonly ChunkRef[], ttl: number): Promise<void> {
  const receivedAt = new Date().toISOString();
  const items = refs.map((r) => ({ pk: hourPk(r.hour), sk: chunkSk(r.objectKey), count: r.count, first: r.first, receivedAt, ttl }));
  try {
    await putAll(ddb, table, items);
  } catch (err) {
    if (items.length === 1) throw err;
    const failed: unknown[] = [];
    for (const item of items) await putAll(ddb, table, [item]).catch((e: unknown) => failed.push(e));
    if (failed.length) throw failed[0];
  }
}

/** Objects written directly (not by the delivery stream) go under this part of the events area. */
const DIRECT_PREFIX = `${OBJECT_AREAS.events.prefix}direct/`;

/**
 * Write events of one event-time hour as an object of their own, to be referenced (the object first, then its
 * reference, so a listed object can always be read). The key is derived from the events' uuids, so a retried
 * write overwrites itself.
 */
export async function writeEventsObject(s3: S3Client, bucket: string, hour: string, events: readonly OktaLogEvent[]): Promise<ChunkRef> {
  const id = createHash('sha256').update(events.map((e) => e.uuid).sort().join('\n')).digest('hex').slice(0, 24);
  const key = `${DIRECT_PREFIX}${hour}/${id}.gz`;
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: gzipSync(events.map((e) => JSON.stringify(e)).join('\n')), ContentType: 'application/gzip' }));
  const hourStart = Date.parse(`${hour}:00:00Z`);
  // A loop, not Math.min(...): an hour fetched from Okta's API may hold more events than a call takes arguments.
  const first = events.reduce((earliest, e) => Math.min(earliest, parseIsoTime(e.published) ?? hourStart), Infinity);
  return { hour, objectKey: key, count: events.length, first };
}

/** An events object as stored (gzip). */
async function fetchObject(s3: S3Client, bucket: string, key: string): Promise<Uint8Array> {
  const res = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return res.Body!.transformToByteArray();
}

/** Read an events object (the `wanted` lines only, when given). */
export async function readObject(s3: S3Client, bucket: string, key: string, wanted?: LineFilter): Promise<StoredRecord[]> {
  return decodeRecords(await fetchObject(s3, bucket, key), wanted);
}

/** Keys (sk) of an hour's chunks; from `startKey` (a Query's LastEvaluatedKey) on when given. */
export async function listChunks(ddb: DynamoDBDocumentClient, table: string, hour: string, startKey?: Record<string, unknown>): Promise<string[]> {
  return (await listChunkRefs(ddb, table, hour, startKey)).map((r) => r.sk);
}

/** An hour's chunk as its reader sees it: the reference (events table sk) and its earliest event's time, when recorded. */
export interface HourChunk {
  readonly sk: string;
  readonly first?: number;
}

/** An hour's chunks with their earliest event times; from `startKey` (a Query's LastEvaluatedKey) on when given. */
export async function listChunkRefs(ddb: DynamoDBDocumentClient, table: string, hour: string, startKey?: Record<string, unknown>): Promise<HourChunk[]> {
  const items = await queryAll(ddb, { TableName: table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': hourPk(hour) }, ProjectionExpression: 'sk, #first', ExpressionAttributeNames: { '#first': 'first' }, ExclusiveStartKey: startKey, ConsistentRead: true });
  return items.map((i) => ({ sk: i.sk as string, ...(typeof i.first === 'number' ? { first: i.first } : {}) }));
}

/** How many chunk objects are fetched at once. */
const PARALLEL_READS = 8;

const gunzipped = promisify(gunzip);
/** Decompressed a megabyte at a time: one hand-over to this thread for most objects, not one per 16 KB. */
const INFLATE_CHUNK = 1 << 20;

/**
 * Read objects by reference (events table sk) and yield each one's (`wanted`) records, in the order given: fetched a
 * few at a time, each decompressed off the JavaScript thread while the one before it is parsed and read, and parsed
 * only when its turn comes, so what waits is compressed bytes, not parsed records.
 */
export async function* readChunkObjects(s3: S3Client, bucket: string, chunkKeys: readonly string[], wanted?: LineFilter): AsyncGenerator<StoredRecord[]> {
  for (let i = 0; i < chunkKeys.length; i += PARALLEL_READS) {
    const fetched = chunkKeys.slice(i, i + PARALLEL_READS).map((sk) => settledLater(fetchObject(s3, bucket, chunkObjectKey(sk))));
    const inflate = (j: number) => settledLater(fetched[j].then((data) => gunzipped(data, { chunkSize: INFLATE_CHUNK })));
    let next: Promise<Buffer> | undefined = inflate(0);
    for (let j = 0; next; j++) {
      const ndjson: Buffer = await next;
      next = j + 1 < fetched.length ? inflate(j + 1) : undefined;
      yield parseRecords(ndjson, wanted);
    }
  }
}

/** How much of a quarantined record is kept: DynamoDB items are at most 400 KB. */
const QUARANTINE_BODY_BYTES = 256 * 1024;
const QUARANTINE_REASON_BYTES = 1024;

/** At most `max` bytes of a string's UTF-8, cut on a character boundary. */
function truncateUtf8(text: string, max: number): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= max) return text;
  return bytes.subarray(0, max).toString('utf8').replace(/\uFFFD$/, '');
}

/**
 * Set a record aside with the reason it could not be used (truncated to what an item holds, with its size). A record
 * the store refuses even so (a ValidationException) is reported by returning false, so that it alone is lost to the
 * quarantine (and counted by the caller), never the records around it.
 */
export async function quarantine(ddb: DynamoDBDocumentClient, table: string, id: string, reason: string, body: string, ttl: number): Promise<boolean> {
  const day = new Date().toISOString().slice(0, 10);
  const item = { pk: quarantinePk(day), sk: truncateUtf8(id, 512), reason: truncateUtf8(reason, QUARANTINE_REASON_BYTES), body: truncateUtf8(body, QUARANTINE_BODY_BYTES), bytes: Buffer.byteLength(body), ttl };
  try {
    await ddb.send(new PutCommand({ TableName: table, Item: item }));
    return true;
  } catch (err) {
    if ((err as { name?: string }).name === 'ValidationException') return false;
    throw err;
  }
}
