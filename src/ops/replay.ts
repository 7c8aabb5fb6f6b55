/**
 * Replay from the archive, as one operation: start the replay of a window to the ingest rule, follow it to the end
 * (EventBridge's DescribeReplay: its state, and the last replayed event's time between the window's start and end),
 * wait for the replayed events to be written and indexed, then run the hourly workflow for the window's hours
 * (StartExecution with those hours, followed to the end), and report per hour: events, findings, new notifications.
 * An abort (Ctrl-C) cancels the replay. The same code runs against AWS (./replay-aws.ts) and the local runtime
 * (local/replay-target.ts).
 */
import { HOUR, hourBucket } from '../time';
import type { HourResult } from '../pipeline/workflow-steps';

export type ReplayState = 'STARTING' | 'RUNNING' | 'CANCELLING' | 'COMPLETED' | 'CANCELLED' | 'FAILED';
export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED' | 'PENDING_REDRIVE';

export interface ReplayWindow {
  readonly name: string;
  /** Events that reached the bus from this time (epoch ms)... */
  readonly from: number;
  /** ...to this one. */
  readonly to: number;
}

/** What a replay needs of a deployment: EventBridge's replay calls and the hourly workflow's. */
export interface ReplayTarget {
  /** StartReplay of the tenant's archive to the ingest rule only. */
  startReplay(window: ReplayWindow): Promise<void>;
  describeReplay(name: string): Promise<{ readonly state: ReplayState; readonly lastReplayed?: number; readonly reason?: string }>;
  cancelReplay(name: string): Promise<void>;
  /** Until the replayed events are written and indexed (the delivery stream's buffer, then ingest). */
  settle(): Promise<void>;
  /** StartExecution of the hourly workflow for these hours; returns the execution's id. */
  startExecution(hours: readonly string[], name: string): Promise<string>;
  describeExecution(id: string): Promise<{ readonly status: ExecutionStatus; readonly hours?: readonly HourResult[]; readonly error?: string }>;
}

export interface ReplayProgress {
  readonly phase: 'replaying' | 'settling' | 'processing';
  /** 0-1 of the phase. */
  readonly fraction: number;
  readonly detail: string;
}

export interface ReplayOptions {
  readonly onProgress?: (p: ReplayProgress) => void;
  /** Aborting cancels the replay (CancelReplay) and stops following it. */
  readonly signal?: AbortSignal;
  /** Between polls. @default 5 s */
  readonly pollMs?: number;
  /** Hours per execution. @default 48 */
  readonly hoursPerExecution?: number;
  /** @default setTimeout */
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface ReplayReport {
  readonly name: string;
  readonly state: ReplayState;
  readonly reason?: string;
  readonly hours: readonly HourResult[];
  /** Executions that did not succeed, with their error. */
  readonly failedExecutions: ReadonlyArray<{ readonly id: string; readonly status: ExecutionStatus; readonly error?: string }>;
}

const DONE: ReadonlySet<ReplayState> = new Set(['COMPLETED', 'CANCELLED', 'FAILED']);

/** The event-time hours a window covers (the hours its events fall in, unless they were late). */
export function windowHours(from: number, to: number): string[] {
  const hours: string[] = [];
  for (let t = Math.floor(from / HOUR) * HOUR; t < to; t += HOUR) hours.push(hourBucket(t));
  return hours;
}

/** A replay name EventBridge accepts (1-64 of letters, digits, `.`, `-`, `_`), from the tenant and the window. */
export function replayName(prefix: string, from: number, now = Date.now()): string {
  return `${prefix}-replay-${new Date(from).toISOString().slice(0, 13).replace(/[-:T]/g, '')}-${now.toString(36)}`.replace(/[^.\-_A-Za-z0-9]/g, '-').slice(0, 64);
}

export async function replay(target: ReplayTarget, window: ReplayWindow, options: ReplayOptions = {}): Promise<ReplayReport> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const pollMs = options.pollMs ?? 5000;
  const progress = options.onProgress ?? (() => undefined);
  let cancelled = false;
  const cancel = () => {
    cancelled = true;
  };
  options.signal?.addEventListener('abort', cancel, { once: true });
  try {
    await target.startReplay(window);
    let cancelSent = false;
    for (;;) {
      if (cancelled && !cancelSent) {
        cancelSent = true;
        await target.cancelReplay(window.name);
      }
      const d = await target.describeReplay(window.name);
      const at = d.lastReplayed ?? window.from;
      progress({ phase: 'replaying', fraction: Math.min(1, Math.max(0, (at - window.from) / (window.to - window.from))), detail: `${d.state}${d.lastReplayed ? `, at ${new Date(d.lastReplayed).toISOString()}` : ''}` });
      if (DONE.has(d.state)) {
        if (d.state !== 'COMPLETED') return { name: window.name, state: d.state, reason: d.reason, hours: [], failedExecutions: [] };
        break;
      }
      await sleep(pollMs);
    }

    progress({ phase: 'settling', fraction: 0, detail: 'waiting for the replayed events to be written and indexed' });
    await target.settle();

    const all = windowHours(window.from, window.to);
    const per = options.hoursPerExecution ?? 48;
    const hours: HourResult[] = [];
    const failedExecutions: Array<{ id: string; status: ExecutionStatus; error?: string }> = [];
    for (let i = 0; i < all.length && !cancelled; i += per) {
      const batch = all.slice(i, i + per);
      const id = await target.startExecution(batch, `${window.name}-${i / per + 1}`.slice(0, 80));
      for (;;) {
        const e = await target.describeExecution(id);
        progress({ phase: 'processing', fraction: (i + (e.status === 'RUNNING' ? 0 : batch.length)) / all.length, detail: `${batch[0]}..${batch[batch.length - 1]}: ${e.status}` });
        if (e.status !== 'RUNNING') {
          hours.push(...(e.hours ?? []));
          if (e.status !== 'SUCCEEDED') failedExecutions.push({ id, status: e.status, error: e.error });
          break;
        }
        await sleep(pollMs);
      }
    }
    return { name: window.name, state: cancelled ? 'CANCELLED' : 'COMPLETED', hours: hours.sort((a, b) => a.hour.localeCompare(b.hour)), failedExecutions };
  } finally {
    options.signal?.removeEventListener('abort', cancel);
  }
}
