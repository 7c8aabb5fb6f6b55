/**
 * Vigil's Lambda functions, declared once: what each one is, its entry file, the tables it touches and
 * how, and whether it publishes to the tenant topic. The stacks derive each function's least-privilege
 * IAM policy and its environment from this; the local runtime derives the same environment.
 */
import type { TableName } from './tables';

export type FunctionName = 'ingest' | 'near-time' | 'plan' | 'detect' | 'notify' | 'daily' | 'refresh-user';

export type Access = 'read' | 'write' | 'readwrite';

export interface FunctionSpec {
  readonly name: FunctionName;
  readonly description: string;
  /** Entry file, relative to the project root; bundled with esbuild to `dist/functions/<name>/index.mjs`. */
  readonly entry: string;
  readonly tables: Partial<Record<TableName, Access>>;
  readonly publishes: boolean;
  /** @default 256 */
  readonly memoryMb?: number;
  /** @default 60 */
  readonly timeoutSeconds?: number;
}

export const FUNCTIONS: Readonly<Record<FunctionName, FunctionSpec>> = {
  ingest: {
    name: 'ingest',
    description: 'SQS buffer -> validate, deduplicate on detail.uuid, write gzip chunks by event-time hour; mark late hours for reprocessing',
    entry: 'functions/ingest/index.ts',
    tables: { events: 'readwrite', hours: 'readwrite' },
    publishes: false,
    timeoutSeconds: 60,
  },
  'near-time': {
    name: 'near-time',
    description: 'Near-time rule target: evaluate near-time detections on one event, notify at once with the subject\'s other pending findings',
    entry: 'functions/near-time/index.ts',
    tables: { events: 'readwrite', state: 'readwrite', findings: 'readwrite' },
    publishes: true,
    timeoutSeconds: 30,
  },
  plan: {
    name: 'plan',
    description: 'Workflow step: which hours to process (the hour just closed, plus hours marked for reprocessing)',
    entry: 'functions/plan/index.ts',
    tables: { hours: 'readwrite' },
    publishes: false,
    timeoutSeconds: 30,
  },
  detect: {
    name: 'detect',
    description: 'Workflow step: run the detection catalog over one hour of chunks, store findings and state snapshots',
    entry: 'functions/detect/index.ts',
    // hours: re-open later hours whose start state this hour's rerun changed.
    tables: { events: 'read', state: 'readwrite', findings: 'readwrite', hours: 'write' },
    publishes: false,
    memoryMb: 1024,
    timeoutSeconds: 600,
  },
  notify: {
    name: 'notify',
    description: "Workflow step: publish each of the hour's new findings to SNS once",
    entry: 'functions/notify/index.ts',
    tables: { findings: 'readwrite' },
    publishes: true,
    timeoutSeconds: 120,
  },
  daily: {
    name: 'daily',
    description: "Daily: add each user's events to the Activity table and send the day's findings digest",
    entry: 'functions/daily/index.ts',
    tables: { events: 'read', activity: 'readwrite', findings: 'read' },
    publishes: true,
    memoryMb: 1024,
    timeoutSeconds: 900,
  },
  'refresh-user': {
    name: 'refresh-user',
    description: "On demand: fetch one user's most recent events and refresh their Activity",
    entry: 'functions/refresh-user/index.ts',
    tables: { events: 'read', activity: 'readwrite' },
    publishes: false,
    memoryMb: 512,
    timeoutSeconds: 300,
  },
};

/**
 * Environment variable names, shared by the stacks, the handlers and the local runtime.
 * Nothing secret ever goes here.
 */
export const ENV = {
  tenantId: 'VIGIL_TENANT_ID',
  /** JSON of the tenant's detection overrides and schedule settings (no secrets). */
  tenantSettings: 'VIGIL_TENANT_SETTINGS',
  topicArn: 'VIGIL_TOPIC_ARN',
  table: (t: TableName) => `VIGIL_TABLE_${t.toUpperCase()}`,
} as const;
