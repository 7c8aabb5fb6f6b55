/**
 * Each processed hour's part of its users' Activity: one gzip JSON object per hour in the tenant's bucket
 * (`activity/<hour>.json.gz`), written by Detect from the events it read, so the daily roll-up adds up 24
 * small objects instead of reading the day's events again. A rerun of the hour overwrites it.
 */
import { constants, gunzipSync, gzipSync } from 'node:zlib';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { OBJECT_AREAS } from '../pipeline/buckets';
import type { ActivityPart } from '../pipeline/activity-summary';
import { isMissingObject } from './missing-object';

export const activityPartsKey = (hour: string) => `${OBJECT_AREAS.activity.prefix}${hour}.json.gz`;

/** An hour's parts: every event of the hour counted, each user's part of it. */
export interface HourActivity {
  readonly hour: string;
  readonly events: number;
  readonly users: readonly ActivityPart[];
}

/** Written every run of an hour and read once a day: compressed for speed, like the state snapshots. */
export async function saveHourActivity(s3: S3Client, bucket: string, activity: HourActivity): Promise<void> {
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: activityPartsKey(activity.hour), Body: gzipSync(JSON.stringify(activity), { level: constants.Z_BEST_SPEED }), ContentType: 'application/gzip' }));
}

/** The hour's parts, or undefined when no run stored them (or they are not of this hour). */
export async function loadHourActivity(s3: S3Client, bucket: string, hour: string): Promise<HourActivity | undefined> {
  try {
    const res = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: activityPartsKey(hour) }));
    const stored = JSON.parse(gunzipSync(await res.Body!.transformToByteArray()).toString('utf8')) as HourActivity;
    return stored.hour === hour && Array.isArray(stored.users) ? stored : undefined;
  } catch (err) {
    if (isMissingObject(err)) return undefined;
    throw err;
  }
}
