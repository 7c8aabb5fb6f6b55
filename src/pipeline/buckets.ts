/**
 * The tenant's object store: one S3 bucket, defined once for the stacks (bucket, encryption, lifecycle,
 * each function's least-privilege access by prefix), the handlers (object keys) and the local runtime
 * (a bucket on the in-process S3-compatible server).
 */

/** What the bucket holds, each under its own key prefix. */
export type ObjectArea = 'events' | 'delivery-errors' | 'state' | 'activity';

export interface ObjectAreaSpec {
  readonly name: ObjectArea;
  /** Key prefix, ending in `/`. */
  readonly prefix: string;
  readonly description: string;
}

export const OBJECT_AREAS: Readonly<Record<ObjectArea, ObjectAreaSpec>> = {
  events: {
    name: 'events',
    prefix: 'events/',
    description:
      'The events: gzip NDJSON objects as the delivery stream writes them, by arrival hour (events/stream/<yyyy/MM/dd/HH>/<object>.gz, src/pipeline/delivery.ts), and events written directly (events/direct/<hour>/: an hour holding a small share of a delivered object, written apart by ingest; events fetched from Okta’s API), each referenced in the events table under the event-time hours it holds.',
  },
  'delivery-errors': {
    name: 'delivery-errors',
    prefix: 'delivery-errors/',
    description: 'Records the delivery stream could not write or process, by error type and hour (kept for inspection, never read by the pipeline).',
  },
  state: {
    name: 'state',
    prefix: 'state/',
    description: "Detection state: one gzip JSON snapshot of every live (detection, key) state at the end of each processed hour (state/<hour>.json.gz).",
  },
  activity: {
    name: 'activity',
    prefix: 'activity/',
    description: "Each processed hour's part of its users' Activity (activity/<hour>.json.gz), written by Detect as it reads the hour, added up by the daily roll-up instead of reading the day's events again.",
  },
};

/**
 * The bucket's name: S3 names are global, so the account is part of it (a tenant id is unique across
 * tenant files, and one tenant lives in one account): at most 6 + 32 + 1 + 12 = 51 of S3's 63 characters.
 */
export function bucketName(tenantId: string, accountId: string): string {
  return `vigil-${tenantId}-${accountId}`;
}
