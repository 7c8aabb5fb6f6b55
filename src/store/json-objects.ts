/**
 * JSON documents the pipeline keeps for itself in the tenant's bucket (state snapshots, Activity parts), gzip at
 * level 1: written every run, read seldom, so compressed for speed (under half of level 6's time, about a third
 * larger).
 */
import { constants, gunzipSync, gzipSync } from 'node:zlib';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { isMissingObject } from './missing-object';

/** Store a document (its JSON), with object metadata when given. */
export async function putJsonObject(s3: S3Client, bucket: string, key: string, json: string, metadata?: Record<string, string>): Promise<void> {
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: gzipSync(json, { level: constants.Z_BEST_SPEED }), ContentType: 'application/gzip', ...(metadata ? { Metadata: metadata } : {}) }));
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
