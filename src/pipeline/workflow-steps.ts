/**
 * What the hourly workflow passes to and from its three Lambda steps (plan, detect, notify): the types
 * the handlers and the step implementations share, in a module that imports types only, so that no step
 * bundles another's code.
 */
import type { DetectionFailure } from '../detections/engine';

export interface PlanRequest {
  /** When the schedule fired (ISO); the hour just closed is the one that ended a grace period before it. @default the execution's start */
  readonly scheduledTime?: string;
  /** Explicit hours (YYYY-MM-DDTHH) to process instead of the closed hour, e.g. after a replay. @default none */
  readonly hours?: readonly string[];
}

export interface PlanInput extends PlanRequest {
  readonly tenantId: string;
  /** The whole execution input (the schedule's, or a person's: `scheduledTime` and `hours` may be left out). */
  readonly request?: PlanRequest;
  /** The execution: claims made under it can be made again when Step Functions retries Plan. */
  readonly executionId?: string;
  readonly startedAt?: string;
}

export interface PlanOutput {
  readonly hours: string[];
  readonly skipped: string[];
  /** Pending hours from before the tenant's retention, whose events are gone: marked EXPIRED, not processed. */
  readonly expired: string[];
  /** How many (the field LOG_METRICS.hoursExpired counts). */
  readonly hoursExpired: number;
}

export type ChunkRef = string | { readonly sk: { readonly S: string }; readonly first?: { readonly N: string } };

/** One page of the workflow's FindChunks Query (DynamoDB JSON), as Step Functions returns it. */
export interface ChunkPage {
  readonly Items: readonly ChunkRef[];
  readonly LastEvaluatedKey?: Readonly<Record<string, { readonly S: string }>>;
}

export interface DetectInput {
  readonly tenantId: string;
  readonly hour: string;
  /**
   * The hour's chunk sort keys, as strings or as DynamoDB items (`{ sk: { S } }`), or the first page of
   * the workflow's Query: when it has a LastEvaluatedKey (a page ends at 1 MB read, or at its Limit),
   * the rest of the keys are read from there.
   */
  readonly chunks: readonly ChunkRef[] | ChunkPage;
}

export interface DetectOutput {
  readonly hour: string;
  readonly events: number;
  readonly duplicates: number;
  readonly malformed: number;
  readonly findings: number;
  readonly newFindings: number;
  /** This run's stamp on every finding it found: Notify waits until the index shows them all. */
  readonly run: string;
  /** Later hours re-opened because this hour's end state changed since they ran. */
  readonly reopened: readonly string[];
  /** (Detection, event) pairs that threw: the hour is left marked for reprocessing when there are any. */
  readonly detectionFailures: number;
  /** The first of them (detection, event uuid, message), for the log. */
  readonly failures: readonly DetectionFailure[];
}

export interface NotifyInput {
  readonly tenantId: string;
  readonly hour: string;
  /** How many findings Detect stored for the hour; the byHour index must show at least these. */
  readonly expected?: number;
  /**
   * The Detect run that stored them (DetectOutput.run): then the index must show `expected` findings
   * stamped with this run. (A bare count can be met by findings already in the hour, e.g. near-time
   * ones the hourly pass does not make, while one Detect just stored is not indexed yet.)
   */
  readonly run?: string;
}

export interface NotifyOutput {
  readonly published: number;
  readonly alreadyNotified: number;
  /** Findings whose cadence is daily: they wait for the daily message. */
  readonly waiting: number;
}

/** One hour in the hourly workflow's output (a failed hour carries its error instead of counts). */
export interface HourResult {
  readonly hour: string;
  readonly status: string;
  readonly events?: number;
  readonly findings?: number;
  /** New notifications sent for the hour by this run. */
  readonly published?: number;
  readonly error?: string;
}

/** The hourly workflow's output. */
export interface WorkflowOutput {
  readonly hours?: readonly HourResult[];
}
