/**
 * JSON documents the pipeline keeps for itself in the tenant's bucket (state snapshots, Activity parts), gzip at
 * level 1: written every run, read seldom, so compressed for speed (under half of level 6's time, about a third
 * larger).
 */
import { buffer } from 'node:stream/consumers';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { constants, createGzip, gunzipSync } from 'node:zlib';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { settledLater } from '../promises';
import { isMissingObject } from './missing-object';

/**
 * Store a document given as its JSON, or as pieces that joined are its JSON. It is compressed off the JavaScript thread
 * (a megabyte at a time), each piece handed over as soon as it is made, so that making the next piece and compressing
 * this one overlap. `metadata` is asked for once every piece is made (it may be of them: the JSON's hash).
 */
export async function putJsonObject(s3: S3Client, bucket: string, key: string, json: string | Iterable<string>, metadata?: () => Record<string, string>): Promise<void> {
  const gzip = createGzip({ level: constants.Z_BEST_SPEED, chunkSize: 1 << 20 });
  const body = settledLater(buffer(gzip));
  for (const piece of typeof json === 'string' ? [json] : json) {
    gzip.write(piece);
    await nextTurn(); // the piece before this one goes to be compressed while the next is made
  }
  gzip.end();
  const meta = metadata?.();
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: await body, ContentType: 'application/gzip', ...(meta ? { Metadata: meta } : {}) }));
}

/** A stored document, parsed; undefined when there is no such object. */
export async function getJsonObject(s3: S3Client, bucket: string, key: string): Promise<unknown> {
  try {
    const res = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return JSON.parse(gunzipSync(await res.Body!.transformToByteArray()).toString('utf8'));
  } catch (err) {
    if (isMissingObject(err)) return undefined;
    throw err;
  }
}
