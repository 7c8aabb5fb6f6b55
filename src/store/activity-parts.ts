/**
 * Each processed hour's part of its users' Activity: one gzip JSON object per hour in the tenant's bucket
 * (`activity/<hour>.json.gz`), written by Detect from the events it read, so the daily roll-up adds up 24
 * small objects instead of reading the day's events again. A rerun of the hour overwrites it.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { OBJECT_AREAS } from '../pipeline/buckets';
import type { ActivityPart } from '../pipeline/activity-summary';
import { getJsonObject, putJsonObject } from './json-objects';

export const activityPartsKey = (hour: string) => `${OBJECT_AREAS.activity.prefix}${hour}.json.gz`;

/** An hour's parts: every event of the hour counted, each user's part of it. */
export interface HourActivity {
  readonly hour: string;
  readonly events: number;
  readonly users: readonly ActivityPart[];
}

/** Written every run of an hour and read once a day. */
export async function saveHourActivity(s3: S3Client, bucket: string, activity: HourActivity): Promise<void> {
  await putJsonObject(s3, bucket, activityPartsKey(activity.hour), JSON.stringify(activity));
}

/** The hour's parts, or undefined when no run stored them (or they are not of this hour). */
export async function loadHourActivity(s3: S3Client, bucket: string, hour: string): Promise<HourActivity | undefined> {
  const stored = (await getJsonObject(s3, bucket, activityPartsKey(hour))) as HourActivity | undefined;
  return stored?.hour === hour && Array.isArray(stored.users) ? stored : undefined;
}
