/**
 * The delivery stream: Amazon Data Firehose buffers every Okta event from the ingest rule and writes it,
 * gzip NDJSON, as one object per buffer to the tenant's bucket under the hour it arrived (S3 then tells
 * the indexer, which records which event-time hours each object holds). Defined once for the stack (the
 * delivery stream's buffering, prefixes, compression and record delimiter) and the local runtime's
 * stream (local/delivery-stream.ts), which buffers and names objects the same way.
 *
 * Firehose bills ingestion per record rounded up to 5 KB, a third of an SQS message's three requests
 * per event, and the pipeline's per-object work (index, near-time, hourly read) is paid per object.
 */
import { OBJECT_AREAS } from './buckets';

export interface DeliveryStreamSpec {
  /** Seconds Firehose buffers before writing an object (0-900): the near-time path's latency. */
  readonly bufferingIntervalSeconds: number;
  /** MiB Firehose buffers before writing an object (1-128), whichever comes first. */
  readonly bufferingSizeMb: number;
  /** Appended to every record (Firehose's AppendDelimiterToRecord processor): objects are NDJSON. */
  readonly recordDelimiter: string;
  /** Key prefix of the objects, in Firehose's expression language (`!{timestamp:...}` is the arrival time, UTC). */
  readonly prefix: string;
  /** The part of `prefix` before any expression: the bucket notifies the ingest queue of objects under it. */
  readonly notificationPrefix: string;
  /** Key prefix of records Firehose could not deliver or process. */
  readonly errorOutputPrefix: string;
  /** Firehose's object compression; objects end in `.gz`. */
  readonly compression: 'GZIP';
}

export const DELIVERY_STREAM: DeliveryStreamSpec = {
  // Five minutes: near-time findings within about six minutes of the event (Okta's own delivery adds
  // seconds); an object every five minutes per tenant at most (288 a day), whatever the event rate, until
  // that many minutes of events exceed the size. Each object costs an S3 PUT, a notification, an ingest
  // and a near-time invocation and their requests, so a shorter interval costs a small tenant more than
  // its events do (measured with `vigil cost`: README, Cost).
  bufferingIntervalSeconds: 300,
  bufferingSizeMb: 64,
  recordDelimiter: '\n',
  prefix: `${OBJECT_AREAS.events.prefix}stream/!{timestamp:yyyy/MM/dd/HH}/`,
  notificationPrefix: `${OBJECT_AREAS.events.prefix}stream/`,
  errorOutputPrefix: `${OBJECT_AREAS['delivery-errors'].prefix}!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd/HH}/`,
  compression: 'GZIP',
};

const two = (n: number) => String(n).padStart(2, '0');

/**
 * The shortest grace period (minutes after the hour before its run) that lets an hour's last events be written
 * and indexed before the run reads the hour: the buffering interval, and a minute for notification and indexing.
 */
export function minimumGracePeriodMinutes(spec: DeliveryStreamSpec = DELIVERY_STREAM): number {
  return Math.ceil(spec.bufferingIntervalSeconds / 60) + 1;
}

/** Firehose's `!{timestamp:pattern}` for a time (UTC), for the patterns Vigil uses (yyyy, MM, dd, HH, mm, ss). */
export function renderTimestamp(pattern: string, time: number): string {
  const d = new Date(time);
  const parts: Record<string, string> = { yyyy: String(d.getUTCFullYear()), MM: two(d.getUTCMonth() + 1), dd: two(d.getUTCDate()), HH: two(d.getUTCHours()), mm: two(d.getUTCMinutes()), ss: two(d.getUTCSeconds()) };
  return pattern.replace(/yyyy|MM|dd|HH|mm|ss/g, (t) => parts[t]);
}

/** The key prefix of objects written at a time: DELIVERY_STREAM.prefix with its timestamp rendered. */
export function deliveryPrefixAt(time: number, spec: DeliveryStreamSpec = DELIVERY_STREAM): string {
  return spec.prefix.replace(/!\{timestamp:([^}]+)\}/g, (_, pattern: string) => renderTimestamp(pattern, time));
}

/** An object's key as Firehose names it: `<prefix><stream>-<version>-<yyyy-MM-dd-HH-mm-ss>-<id>.gz`. */
export function deliveryObjectKey(streamName: string, time: number, id: string, spec: DeliveryStreamSpec = DELIVERY_STREAM): string {
  return `${deliveryPrefixAt(time, spec)}${streamName}-1-${renderTimestamp('yyyy-MM-dd-HH-mm-ss', time)}-${id}.gz`;
}
