/**
 * Vigil's Lambda functions, declared once: what each one is, its entry file, every resource it uses
 * (the tables it touches and how, the queues it drains, whether it publishes to the tenant topic). The
 * stacks derive each function's least-privilege IAM policy and its environment from this; the local
 * runtime derives the same environment.
 */
import type { ObjectArea } from './buckets';
import type { QueueName } from './queues';
import type { SecretName } from './secrets';
import type { TableName } from './tables';

export type LambdaName = 'ingest' | 'plan' | 'detect' | 'notify' | 'daily' | 'refresh-user';

export type Access = 'read' | 'write' | 'readwrite';

export interface LambdaSpec {
  readonly name: LambdaName;
  readonly description: string;
  /** Entry file, relative to the project root; bundled with esbuild to `dist/functions/<name>/index.mjs` (./bundles.ts). */
  readonly entry: string;
  readonly tables: Partial<Record<TableName, Access>>;
  /** Areas of the tenant's bucket (src/pipeline/buckets.ts) the function uses, and how. @default - none */
  readonly objects?: Partial<Record<ObjectArea, Access>>;
  /** Queues the function drains (receives and deletes messages from). @default - none */
  readonly drains?: readonly QueueName[];
  readonly publishes: boolean;
  /** Secrets the function reads (src/pipeline/secrets.ts); with okta-api-token, it also gets the org's API URL. @default - none */
  readonly secrets?: readonly SecretName[];
  /** @default DEFAULT_MEMORY_MB */
  readonly memoryMb?: number;
  /** @default DEFAULT_TIMEOUT_SECONDS */
  readonly timeoutSeconds?: number;
  /**
   * Concurrent executions reserved for the function, in every tenant's stack (a tenant file may override it:
   * `concurrency.reserved`): its ceiling, so that one tenant's burst cannot take another's share of the
   * account, and its floor. A function that drains a queue needs at least the poller's maximum concurrency.
   */
  readonly reservedConcurrency: number;
}

export const DEFAULT_MEMORY_MB = 256;
export const DEFAULT_TIMEOUT_SECONDS = 60;

export function memoryOf(spec: LambdaSpec): number {
  return spec.memoryMb ?? DEFAULT_MEMORY_MB;
}

export function timeoutOf(spec: LambdaSpec): number {
  return spec.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
}

/** The reserved concurrency of a function: the tenant's override, else its spec's. */
export function reservedConcurrencyOf(name: LambdaName, overrides: Partial<Record<LambdaName, number>> = {}): number {
  return overrides[name] ?? LAMBDAS[name].reservedConcurrency;
}

export const LAMBDAS: Readonly<Record<LambdaName, LambdaSpec>> = {
  ingest: {
    name: 'ingest',
    description: "Index each delivered object by the event-time hours it holds (quarantine unusable records, re-open late hours); evaluate its near-time events per key and notify at once with the subject's pending findings",
    entry: 'functions/ingest/index.ts',
    // state, findings: near-time's live state per key and its findings.
    tables: { events: 'write', hours: 'readwrite', state: 'readwrite', findings: 'readwrite' },
    // events: readwrite, to write an hour holding a small share of an object apart (events/direct/).
    objects: { events: 'readwrite' },
    drains: ['ingest-objects'],
    publishes: true,
    timeoutSeconds: 60,
    // Its queue's poller runs up to 5 at once (QUEUES['ingest-objects'].maximumConcurrency).
    reservedConcurrency: 5,
  },
  plan: {
    name: 'plan',
    description: 'Workflow step: which hours to process (the hour just closed, plus hours marked for reprocessing)',
    entry: 'functions/plan/index.ts',
    tables: { hours: 'readwrite' },
    publishes: false,
    timeoutSeconds: 30,
    // One hourly run at a time, and room for a run started by hand.
    reservedConcurrency: 2,
  },
  detect: {
    name: 'detect',
    description: "Workflow step: run the detection catalog over one hour of chunks from the previous hour's state snapshot, store findings and the hour's snapshot",
    entry: 'functions/detect/index.ts',
    // hours: re-open later hours whose start state this hour's rerun changed.
    tables: { events: 'read', findings: 'readwrite', hours: 'write' },
    objects: { events: 'read', state: 'readwrite', activity: 'write' },
    publishes: false,
    memoryMb: 1024,
    timeoutSeconds: 600,
    reservedConcurrency: 2,
  },
  notify: {
    name: 'notify',
    description: "Workflow step: publish each of the hour's new findings to SNS once",
    entry: 'functions/notify/index.ts',
    tables: { findings: 'readwrite' },
    publishes: true,
    timeoutSeconds: 120,
    reservedConcurrency: 2,
  },
  daily: {
    name: 'daily',
    description: "Daily: add each user's events to the Activity table and send the day's findings digest",
    entry: 'functions/daily/index.ts',
    // hours: which hours of the day had events, so that only those are read.
    tables: { events: 'read', activity: 'readwrite', findings: 'read', hours: 'read' },
    // activity: the hours' parts Detect stored; events: an hour not processed since its last events, read as they are.
    objects: { events: 'read', activity: 'read' },
    publishes: true,
    // A roll-up that failed every asynchronous attempt is kept in the failed-invocations queue (PipelineFunction);
    // the next day's run also rolls up the days it finds missed (src/pipeline/activity.ts).
    memoryMb: 1024,
    timeoutSeconds: 900,
    reservedConcurrency: 1,
  },
  'refresh-user': {
    name: 'refresh-user',
    description: "On demand: fetch one user's events since the last stored one, profile and factors from the tenant's Okta API, merge them into the store, refresh their Activity, run the catalog over the new events and notify",
    entry: 'functions/refresh-user/index.ts',
    // events, hours and the events area: fetched events are written as chunks of their hours, which are re-opened;
    // findings: what the catalog finds in them, notified once; activity: the user's day and profile.
    tables: { events: 'readwrite', activity: 'readwrite', hours: 'readwrite', findings: 'readwrite' },
    objects: { events: 'readwrite' },
    publishes: true,
    secrets: ['okta-api-token'],
    memoryMb: 512,
    timeoutSeconds: 300,
    reservedConcurrency: 2,
  },
};
