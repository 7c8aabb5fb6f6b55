/**
 * Detection state between hourly runs: one gzip JSON object per processed hour in the tenant's bucket
 * (`state/<hour>.json.gz`), holding every (detection, key) state still live at the end of the hour. An
 * hour starts from the latest snapshot before it (normally the previous hour's: one GET) and ends with
 * one PUT, so rerunning an hour gives the same findings. The object carries the SHA-256 of its JSON, so
 * a rerun can tell whether it changed the end state that later hours built on.
 */
import { createHash } from 'node:crypto';
import { HeadObjectCommand, ListObjectsCommand, type S3Client } from '@aws-sdk/client-s3';
import type { StateEntry } from '../detections/engine';
import { OBJECT_AREAS } from '../pipeline/buckets';
import { HOUR, hourBucket } from '../time';
import { getJsonObject, putJsonObject } from './json-objects';
import { isMissingObject } from './missing-object';

/** Object metadata holding the SHA-256 of the snapshot's JSON (before compression). */
const HASH_METADATA = 'sha256';

export const snapshotKey = (hour: string) => `${OBJECT_AREAS.state.prefix}${hour}.json.gz`;
const hourOfKey = (key: string) => key.slice(OBJECT_AREAS.state.prefix.length, -'.json.gz'.length);

/** One entry as stored: [detectionId, key, state, lastSeen, expiresAt]. */
type StoredEntry = [string, string, unknown, number, number];

export interface Snapshot {
  readonly hour: string;
  readonly entries: StateEntry[];
}

/** Entries a piece of a snapshot's JSON holds (about half a megabyte). */
const ENTRIES_A_PIECE = 2_000;

/**
 * The snapshot's JSON, in pieces that joined are the JSON array of its entries, sorted by detection and key, so the same
 * state always makes the same bytes (see saveSnapshot: a piece is compressed while the next is made).
 */
function* snapshotPieces(entries: readonly StateEntry[]): Generator<string> {
  const stored: StoredEntry[] = entries.map((e) => [e.detectionId, e.key, e.state, e.lastSeen, e.expiresAt]);
  stored.sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) : a[0] < b[0] ? -1 : 1));
  yield '[';
  for (let i = 0; i < stored.length; i += ENTRIES_A_PIECE) yield (i ? ',' : '') + stored.slice(i, i + ENTRIES_A_PIECE).map((e) => JSON.stringify(e)).join(',');
  yield ']';
}

async function getSnapshot(s3: S3Client, bucket: string, hour: string): Promise<Snapshot | undefined> {
  const stored = (await getJsonObject(s3, bucket, snapshotKey(hour))) as StoredEntry[] | undefined;
  return stored && { hour, entries: stored.map(([detectionId, key, state, lastSeen, expiresAt]) => ({ detectionId, key, state, lastSeen, expiresAt })) };
}

/**
 * The snapshot this process saved last (in AWS, a warm Lambda container's): the workflow runs an execution's hours
 * one after another, oldest first, so the next hour mostly starts from the state the one before ended with. It is
 * used only while the stored object still carries its hash (one HEAD instead of a GET and a decode), and given out
 * once: an invocation that fails after loading it reads the object the next time.
 */
let lastSaved: { readonly bucket: string; readonly hour: string; readonly hash: string; readonly entries: StateEntry[] } | undefined;

async function takeLastSaved(s3: S3Client, bucket: string, hour: string): Promise<Snapshot | undefined> {
  const saved = lastSaved;
  if (saved?.bucket !== bucket || saved.hour !== hour) return undefined;
  lastSaved = undefined;
  return (await snapshotHash(s3, bucket, hour)) === saved.hash ? { hour, entries: saved.entries } : undefined;
}

/**
 * The latest snapshot before `hour`, no older than `sinceMs` (state older than that has expired):
 * the previous hour's (the one this process saved last, or one GET), or when that hour never ran, the latest one
 * listed since.
 */
export async function snapshotBefore(s3: S3Client, bucket: string, hour: string, sinceMs: number): Promise<Snapshot | undefined> {
  const hourStart = Date.parse(`${hour}:00:00Z`);
  const previousHour = hourBucket(hourStart - HOUR);
  const previous = (await takeLastSaved(s3, bucket, previousHour)) ?? (await getSnapshot(s3, bucket, previousHour));
  if (previous) return previous;
  let latest: string | undefined;
  let after = snapshotKey(hourBucket(sinceMs));
  for (;;) {
    const { keys, truncated } = await listSnapshotKeys(s3, bucket, after);
    const before = keys.filter((k) => k < snapshotKey(hour));
    if (before.length) latest = before[before.length - 1];
    if (!truncated || before.length < keys.length) break;
    after = keys[keys.length - 1];
  }
  return latest ? getSnapshot(s3, bucket, hourOfKey(latest)) : undefined;
}

/** The hash of the snapshot stored for an hour (by an earlier run of it), if any. */
export async function snapshotHash(s3: S3Client, bucket: string, hour: string): Promise<string | undefined> {
  try {
    const res = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: snapshotKey(hour) }));
    return res.Metadata?.[HASH_METADATA];
  } catch (err) {
    if (isMissingObject(err)) return undefined;
    throw err;
  }
}

/** Store an hour's end state (a few MB an hour, written every run); returns its hash. */
export async function saveSnapshot(s3: S3Client, bucket: string, hour: string, entries: readonly StateEntry[]): Promise<string> {
  const sha256 = createHash('sha256');
  const pieces = (function* () {
    for (const piece of snapshotPieces(entries)) {
      sha256.update(piece);
      yield piece;
    }
  })();
  let hash = '';
  await putJsonObject(s3, bucket, snapshotKey(hour), pieces, () => ({ [HASH_METADATA]: (hash = sha256.digest('hex')) }));
  lastSaved = { bucket, hour, hash, entries: [...entries] };
  return hash;
}

/** The first hour after `hour` that has a snapshot: the next run that built on this hour's state. */
export async function nextSnapshotHour(s3: S3Client, bucket: string, hour: string): Promise<string | undefined> {
  const [key] = (await listSnapshotKeys(s3, bucket, snapshotKey(hour), 1)).keys;
  return key ? hourOfKey(key) : undefined;
}

/**
 * Snapshot keys after `after`, in order, one page. (ListObjects with a marker, rather than V2: it pages
 * by key alone, which the local S3 server supports too.)
 */
async function listSnapshotKeys(s3: S3Client, bucket: string, after: string, maxKeys?: number): Promise<{ keys: string[]; truncated: boolean }> {
  const res = await s3.send(new ListObjectsCommand({ Bucket: bucket, Prefix: OBJECT_AREAS.state.prefix, Marker: after, MaxKeys: maxKeys }));
  return { keys: (res.Contents ?? []).map((o) => o.Key!), truncated: res.IsTruncated === true };
}
