/**
 * The names the hourly state machine (./hourly-state-machine.ts) shares with the code around it: its
 * states (the local runtime addresses the Lambda tasks by name), the errors the steps throw and the
 * machine catches or raises, and the outcome it reports for each hour.
 */
import { HOUR_STATUS } from '../store/keys';

export const STATE = {
  plan: 'Plan',
  anyHours: 'AnyHours',
  eachHour: 'EachHour',
  findChunks: 'FindChunks',
  detect: 'Detect',
  notify: 'Notify',
  allDetectionsRan: 'AllDetectionsRan',
  markDone: 'MarkDone',
  markIncomplete: 'MarkIncomplete',
  reopenedWhileRunning: 'ReopenedWhileRunning',
  hourDone: 'HourDone',
  markForReprocess: 'MarkForReprocess',
  hourFailed: 'HourFailed',
  verdict: 'Verdict',
  anyFailed: 'AnyFailed',
  hoursFailed: 'HoursFailed',
  processed: 'Processed',
} as const;

/** The Task states (Lambda functions and DynamoDB calls): the local runtime runs their retries at once. */
export const TASK_STATES = [STATE.plan, STATE.findChunks, STATE.detect, STATE.notify, STATE.markDone, STATE.markIncomplete, STATE.markForReprocess] as const;

/** Errors of Vigil's own: thrown by a step (and retried by the machine), or raised by the machine. */
export const WORKFLOW_ERROR = {
  /** Notify: the findings index does not show every finding Detect stored yet. */
  findingsNotIndexedYet: 'Vigil.FindingsNotIndexedYet',
  /** Any step: a dependency could not be reached, or answered that it is overloaded (src/aws/transient.ts); retried with backoff. */
  transient: 'Vigil.TransientError',
  /** The execution: one or more hours failed and are marked for reprocessing. */
  hoursFailed: 'Vigil.HoursFailed',
} as const;

/** What the execution output says happened to each hour. */
export const HOUR_OUTCOME = {
  done: HOUR_STATUS.done,
  /** A late event re-opened the hour while it ran: it stays marked for reprocessing. */
  reopened: 'REOPENED',
  /** Processed and notified, but some detections threw on some events: marked for reprocessing, to try those again. */
  incomplete: 'INCOMPLETE',
  failed: 'FAILED',
} as const;
