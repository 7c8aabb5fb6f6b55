/** {@link attemptWindow}: failed sign-ins in a sliding window, forgiven when the account then signs in (spray, stuffing). */
import type { OktaEvent } from '../../okta/event';
import type { Detection, Params, Signal, Subject } from '../types';
import type { DetectionMeta } from './detection-meta';
import { isSuccessfulSignIn, signInAccount } from './sign-in';
import { MAX_HITS } from './threshold';

/**
 * One failed sign-in kept in a window: event time, uuid, account login, source IP ('' when unknown),
 * and 1 when the username does not exist in the org.
 */
export type Attempt = readonly [time: number, uuid: string, account: string, ip: string, unknown?: 1];

/** Per-key state of the attempt-window detections. */
export interface AttemptState {
  readonly attempts: readonly Attempt[];
  /** Event time of the last firing; quiet for one window after it. */
  readonly firedAt?: number;
}

/** Drop what fell out of the window ending at `now`. */
function prune(state: AttemptState | undefined, now: number, windowMs: number): { attempts: Attempt[]; firedAt?: number } {
  const from = now - windowMs;
  const attempts = (state?.attempts ?? []).filter((a) => a[0] > from);
  const firedAt = state?.firedAt !== undefined && state.firedAt > from ? state.firedAt : undefined;
  return { attempts, firedAt };
}

/** Add an attempt, keep time order (events may arrive out of order) and cap the list. */
function addAttempt(attempts: Attempt[], a: Attempt): Attempt[] {
  const out = [...attempts, a].sort((x, y) => x[0] - y[0]);
  return out.length > MAX_HITS ? out.slice(out.length - MAX_HITS) : out;
}

/** Forget an account's failures: it then signed in successfully, so they were typos, not an attack. */
function forgetAccount(attempts: Attempt[], account: string): Attempt[] {
  return attempts.some((a) => a[2] === account) ? attempts.filter((a) => a[2] !== account) : attempts;
}

/** State to return: undefined when there is nothing left to remember. */
function keep(attempts: Attempt[], firedAt: number | undefined): AttemptState | undefined {
  return attempts.length || firedAt !== undefined ? { attempts, firedAt } : undefined;
}

/** Failed attempts per account. */
function countByAccount(attempts: readonly Attempt[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const a of attempts) m.set(a[2], (m.get(a[2]) ?? 0) + 1);
  return m;
}

/** The attempts against accounts tried at most `maxPerAccount` times (spray / stuffing, not brute force). */
export function fewTries(attempts: readonly Attempt[], maxPerAccount: number): { accounts: string[]; attempts: Attempt[] } {
  const counts = countByAccount(attempts);
  const accounts = [...counts].filter(([, n]) => n <= maxPerAccount).map(([k]) => k);
  const set = new Set(accounts);
  return { accounts, attempts: attempts.filter((a) => set.has(a[2])) };
}

/** A short, bounded sample of account labels for a finding's context. */
export function sample<T>(values: Iterable<T>, n = 20): T[] {
  const out: T[] = [];
  for (const v of values) {
    if (out.length >= n) break;
    out.push(v);
  }
  return out;
}

/** Distinct non-empty source IPs of some attempts. */
export function distinctIps(attempts: readonly Attempt[]): Set<string> {
  return new Set(attempts.map((a) => a[3]).filter((ip) => ip !== ''));
}

/** What an attempt-window detection reports when its condition holds. */
export interface Verdict {
  /** The attempts that make up the finding (their uuids and first time go into the finding). */
  readonly evidence: readonly Attempt[];
  readonly summary: string;
  readonly context?: Record<string, unknown>;
}

export interface AttemptWindowSpec<P extends Params> extends DetectionMeta<P> {
  /** Where attempts are grouped: a source IP, or one org-wide key. Undefined ignores the event. */
  group(event: OktaEvent, params: P): string | undefined;
  /** Whether a failed sign-in counts as an attempt. */
  counts(event: OktaEvent, params: P): boolean;
  windowMinutes(params: P): number;
  subject(event: OktaEvent, key: string): Subject;
  /** Decide on the attempts in the window (the new one included); undefined stays quiet. */
  evaluate(attempts: readonly Attempt[], event: OktaEvent, params: P): Verdict | undefined;
}

/**
 * Failed sign-ins grouped by source (or org-wide) in a sliding window of event time, with one twist
 * over {@link threshold}: a successful sign-in for an account, routed to the same key, forgets that
 * account's failures, so a user who mistyped and then got in never counts towards an attack.
 * Fires once per window per key.
 */
export function attemptWindow<P extends Params>(spec: AttemptWindowSpec<P>): Detection<P, AttemptState> {
  const { group, counts, windowMinutes, subject, evaluate, ...meta } = spec;
  return {
    ...meta,
    stateTtlMinutes: (p) => windowMinutes(p),
    key(e, p) {
      if (!isSuccessfulSignIn(e) && !counts(e, p)) return undefined;
      if (!signInAccount(e)) return undefined;
      return group(e, p);
    },
    step(state, e, p) {
      const { attempts, firedAt } = prune(state, e.time, windowMinutes(p) * 60_000);
      const account = signInAccount(e);
      if (!account) return { state: keep(attempts, firedAt) };
      if (isSuccessfulSignIn(e)) return { state: keep(forgetAccount(attempts, account.login), firedAt) };
      if (!counts(e, p)) return { state: keep(attempts, firedAt) };
      const attempt: Attempt = account.unknown ? [e.time, e.uuid, account.login, e.ip ?? '', 1] : [e.time, e.uuid, account.login, e.ip ?? ''];
      const next = addAttempt(attempts, attempt);
      if (firedAt !== undefined) return { state: keep(next, firedAt) };
      const verdict = evaluate(next, e, p);
      if (!verdict || verdict.evidence.length === 0) return { state: keep(next, undefined) };
      const signal: Signal = {
        subject: subject(e, group(e, p)!),
        summary: verdict.summary,
        eventUuids: verdict.evidence.map((a) => a[1]),
        windowStart: new Date(verdict.evidence[0][0]).toISOString(),
        windowEnd: new Date(Math.max(e.time, verdict.evidence[verdict.evidence.length - 1][0])).toISOString(),
        context: { windowMinutes: windowMinutes(p), ...verdict.context },
      };
      return { state: { attempts: next, firedAt: e.time }, signal };
    },
  };
}
