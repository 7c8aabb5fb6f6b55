/**
 * {@link attemptWindow}: failed sign-ins in a sliding window, judged the way people and attacks differ (spray,
 * stuffing): a failure the user explains by signing in soon after from the same IP or device is a typo; an address
 * where people sign in successfully is a shared network (office NAT, VPN), not an attacker's; and org-wide or
 * per-network levels are judged against the key's own normal ({@link Baseline}).
 */
import { createHash } from 'node:crypto';
import type { OktaEvent } from '../../okta/event';
import { MINUTE } from '../../time';
import type { Detection, Params, Signal, Subject } from '../types';
import { BASELINE_TTL_MINUTES, type Baseline, type BaselineParams, type Normal, normalAt, observe } from './baseline';
import type { DetectionMeta } from './detection-meta';
import { isSuccessfulSignIn, signInAccount } from './sign-in';
import { MAX_HITS } from './threshold';

/**
 * One failed sign-in kept in a window: event time, uuid, account login, source IP ('' when unknown), 1 when the
 * username does not exist in the org (else 0), and a short hash of the user agent (the device, as far as Okta says).
 */
export type Attempt = readonly [time: number, uuid: string, account: string, ip: string, unknown: 0 | 1, device: string];

/** Successful sign-ins per bucket of the window: bucket start (event time) and count. */
type SignInBucket = readonly [start: number, count: number];

/** Per-key state of the attempt-window detections. */
export interface AttemptState {
  readonly attempts: readonly Attempt[];
  /** Event time of the last firing; quiet for one window after it. */
  readonly firedAt?: number;
  /** The latest addresses a successful sign-in came from ({@link MAX_OK_IPS}), least recent first: IP and time. */
  readonly okIps?: readonly (readonly [ip: string, time: number])[];
  /** Addresses of attempts in the window that people also signed in from successfully: IP and time of that sign-in. */
  readonly sharedIps?: readonly (readonly [ip: string, time: number])[];
  /** Successful sign-ins routed to the key in the window, per {@link BUCKET_MINUTES}. */
  readonly signIns?: readonly SignInBucket[];
  /** The key's own normal level per hour of the day, when the detection keeps one. */
  readonly baseline?: Baseline;
}

/**
 * Latest addresses with a successful sign-in one key remembers, so state stays small at any org size; an address of
 * a failure is remembered as shared as long as the failure is in the window.
 */
export const MAX_OK_IPS = 200;
const BUCKET_MINUTES = 5;

/** A short, stable name for a user agent: enough to tell devices apart, small enough to keep a thousand. */
export function deviceOf(e: OktaEvent): string {
  return createHash('sha1').update(e.userAgent ?? '').digest('hex').slice(0, 8);
}

/** The attempts against accounts tried at most `maxPerAccount` times (spray / stuffing, not brute force). */
export function fewTries(attempts: readonly Attempt[], maxPerAccount: number): { accounts: string[]; attempts: Attempt[] } {
  const counts = new Map<string, number>();
  for (const a of attempts) counts.set(a[2], (counts.get(a[2]) ?? 0) + 1);
  const accounts = [...counts].filter(([, n]) => n <= maxPerAccount).map(([k]) => k);
  const set = new Set(accounts);
  return { accounts, attempts: attempts.filter((a) => set.has(a[2])) };
}

/** A short, bounded sample of values for a finding's context. */
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

/** The source IPs of some attempts, most used first, with the accounts each tried: the suspected sources. */
export function sources(attempts: readonly Attempt[], n = 20): Array<{ ip: string; accounts: number }> {
  const by = new Map<string, Set<string>>();
  for (const a of attempts) if (a[3]) by.set(a[3], (by.get(a[3]) ?? new Set()).add(a[2]));
  return [...by].map(([ip, s]) => ({ ip, accounts: s.size })).sort((x, y) => y.accounts - x.accounts || (x.ip < y.ip ? -1 : 1)).slice(0, n);
}

/** What the window holds when a detection judges it. */
export interface WindowView {
  /** Failed attempts not explained by a later sign-in, in time order: the new one included, or the settled ones. */
  readonly attempts: readonly Attempt[];
  /** Whether a successful sign-in came from this address in the window (an address people use, not an attacker's). */
  sharedAddress(ip: string): boolean;
  /** Successful sign-ins routed to this key in the window. */
  readonly signIns: number;
  /** The key's normal for this hour of the day (never learned when the detection keeps no baseline). */
  readonly normal: Normal;
}

/** What an attempt-window detection reports when its condition holds. */
export interface Verdict {
  /** The attempts that make up the finding (their uuids and first time go into the finding). */
  readonly evidence: readonly Attempt[];
  readonly summary: string;
  readonly context?: Record<string, unknown>;
}

/** A detection's reading of the window: the level it measures (what the baseline learns) and, over its bar, a verdict. */
export interface Judgement {
  readonly level: number;
  /** The level at which it fires now; the baseline never learns more than this from an hour that fired. */
  readonly bar: number;
  readonly verdict?: Verdict;
}

export interface AttemptWindowSpec<P extends Params> extends DetectionMeta<P> {
  /** Where attempts are grouped: a source IP, or one org-wide key. Undefined ignores the event. */
  group(event: OktaEvent, params: P): string | undefined;
  /** Whether a failed sign-in counts as an attempt. */
  counts(event: OktaEvent, params: P): boolean;
  windowMinutes(params: P): number;
  /** How soon after a failure the account's own sign-in (same IP or device) explains it as a typo. */
  explainMinutes(params: P): number;
  /**
   * Judge a failure only once it is this old, so a typo has had the time to be explained; the window judged then ends
   * this long before the event that judges it (any sign-in routed to the key). Org-wide keys, which see sign-ins all
   * the time, can afford it; a per-IP key an attacker stops using cannot. @default 0 (judged as it arrives)
   */
  settleMinutes?(params: P): number;
  subject(event: OktaEvent, key: string): Subject;
  /** Judge the window after a new attempt. */
  evaluate(view: WindowView, event: OktaEvent, params: P): Judgement;
  /**
   * Keep a baseline of the level per hour of the day, with these parameters, for keys where `keep` holds (every key
   * when absent). A key with a baseline keeps its state for days ({@link BASELINE_TTL_MINUTES}).
   */
  baseline?: { params(params: P): BaselineParams; keep?(view: WindowView, params: P): boolean };
}

function bucketsIn(signIns: readonly SignInBucket[] | undefined, from: number): SignInBucket[] {
  return (signIns ?? []).filter((b) => b[0] + BUCKET_MINUTES * MINUTE > from);
}

function addSignIn(signIns: SignInBucket[], time: number): SignInBucket[] {
  const start = Math.floor(time / (BUCKET_MINUTES * MINUTE)) * BUCKET_MINUTES * MINUTE;
  const i = signIns.findIndex((b) => b[0] === start);
  if (i >= 0) return signIns.map((b, j) => (j === i ? [b[0], b[1] + 1] : b));
  return [...signIns, [start, 1] as SignInBucket].sort((a, b) => a[0] - b[0]);
}

/** Record an address's latest successful sign-in in a list kept in time order and capped at `max` (the latest). */
function addIp(ips: ReadonlyArray<readonly [string, number]>, ip: string, time: number, max: number): Array<readonly [string, number]> {
  const prior = ips.find((o) => o[0] === ip);
  if (prior && prior[1] >= time) return [...ips];
  const out = ips.filter((o) => o[0] !== ip);
  out.push([ip, time]);
  out.sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
  return out.length > max ? out.slice(out.length - max) : out;
}

/** Add an attempt, keep time order (events may arrive out of order) and cap the list. */
function addAttempt(attempts: readonly Attempt[], a: Attempt): Attempt[] {
  const out = [...attempts, a].sort((x, y) => x[0] - y[0]);
  return out.length > MAX_HITS ? out.slice(out.length - MAX_HITS) : out;
}

/**
 * Failed sign-ins grouped by source (or org-wide) in a sliding window of event time. A successful sign-in routed to
 * the same key explains the account's failures of the last `explainMinutes` from the same IP or device (a typo), and
 * an unknown username's failure from the same IP and device (a mistyped username, then the right one): explained
 * failures never count and are never named as targets. Successful sign-ins also mark their address as one people use.
 * Fires once per window per key.
 */
export function attemptWindow<P extends Params>(spec: AttemptWindowSpec<P>): Detection<P, AttemptState> {
  const { group, counts, windowMinutes, explainMinutes, settleMinutes, subject, evaluate, baseline: learns, ...meta } = spec;
  return {
    ...meta,
    // Without a state: the longest any key's can have (the hourly step looks that far back for a snapshot).
    stateTtlMinutes: (p, state) => (learns && (!state || state.baseline) ? BASELINE_TTL_MINUTES : windowMinutes(p) + (settleMinutes?.(p) ?? 0)),
    key(e, p) {
      if (!isSuccessfulSignIn(e) && !counts(e, p)) return undefined;
      if (!signInAccount(e)) return undefined;
      return group(e, p);
    },
    step(state, e, p) {
      const windowMs = windowMinutes(p) * MINUTE;
      const settleMs = (settleMinutes?.(p) ?? 0) * MINUTE;
      const from = e.time - windowMs - settleMs;
      let attempts = (state?.attempts ?? []).filter((a) => a[0] > from);
      let okIps = (state?.okIps ?? []).filter((o) => o[1] > from);
      let sharedIps = (state?.sharedIps ?? []).filter((o) => o[1] > from);
      let signIns = bucketsIn(state?.signIns, from);
      let firedAt = state?.firedAt !== undefined && state.firedAt > e.time - windowMs ? state.firedAt : undefined;
      let baseline = state?.baseline;
      const account = signInAccount(e)!;
      const ip = e.ip ?? '';
      const device = deviceOf(e);
      const keep = (): AttemptState | undefined => {
        if (!attempts.length && firedAt === undefined && !baseline) return undefined;
        return {
          attempts,
          firedAt,
          okIps: okIps.length ? okIps : undefined,
          sharedIps: sharedIps.length ? sharedIps : undefined,
          signIns: signIns.length ? signIns : undefined,
          baseline,
        };
      };

      if (isSuccessfulSignIn(e)) {
        if (!state) return { state: undefined };
        const since = e.time - explainMinutes(p) * MINUTE;
        const explains = (a: Attempt) =>
          a[0] >= since && a[0] <= e.time && (a[4] === 0 ? a[2] === account.login && (a[3] === ip || a[5] === device) : a[3] === ip && a[5] === device);
        attempts = attempts.filter((a) => !explains(a));
        if (ip) okIps = addIp(okIps, ip, e.time, MAX_OK_IPS);
        if (ip && attempts.some((a) => a[3] === ip)) sharedIps = addIp(sharedIps, ip, e.time, MAX_HITS);
        signIns = addSignIn(signIns, e.time);
        // Without a settling time only a new attempt changes the verdict; with one, time passing does.
        if (!settleMs) {
          if (baseline) baseline = observe(baseline, e.time, 0);
          return { state: keep() };
        }
      } else if (counts(e, p)) {
        attempts = addAttempt(attempts, [e.time, e.uuid, account.login, ip, account.unknown ? 1 : 0, device]);
        const okHere = okIps.find((o) => o[0] === ip);
        if (okHere) sharedIps = addIp(sharedIps, ip, okHere[1], MAX_HITS);
      } else return { state: keep() };

      const judgeAt = e.time - settleMs;
      const ok = new Set([...okIps, ...sharedIps].map((o) => o[0]));
      const view: WindowView = {
        attempts: settleMs ? attempts.filter((a) => a[0] <= judgeAt && a[0] > judgeAt - windowMs) : attempts,
        sharedAddress: (a) => a !== '' && ok.has(a),
        signIns: signIns.reduce((n, b) => n + b[1], 0),
        normal: learns ? normalAt(baseline, e.time, learns.params(p)) : { learned: false, mean: 0, limit: 0 },
      };
      const judged = evaluate(view, e, p);
      const fires = firedAt === undefined && judged.verdict !== undefined && judged.verdict.evidence.length > 0;
      if (learns && (baseline || !learns.keep || learns.keep(view, p))) baseline = observe(baseline, e.time, fires ? Math.min(judged.level, judged.bar) : judged.level);
      if (!fires) return { state: keep() };
      const { evidence, summary, context } = judged.verdict!;
      firedAt = e.time;
      const last = evidence[evidence.length - 1][0];
      const signal: Signal = {
        subject: subject(e, group(e, p)!),
        summary,
        eventUuids: evidence.map((a) => a[1]),
        windowStart: new Date(evidence[0][0]).toISOString(),
        windowEnd: new Date(settleMs ? last : Math.max(e.time, last)).toISOString(),
        context: { windowMinutes: windowMinutes(p), ...context },
      };
      return { state: keep(), signal };
    },
  };
}
