import type { OktaEvent } from '../../../okta/event';
import { isFailedSignIn, isSuccessfulSignIn, PASSWORD_FAILURE_REASONS, signInAccount } from '../../kit/sign-in';
import type { Detection, Signal } from '../../types';

export type SignInAfterAttackParams = {
  /** How far back failures count before a successful sign-in. */
  lookbackMinutes: number;
  /** This many failures before the success make it a brute-force target (a typo is 1-3). */
  minFailures: number;
  /** Failures from this many different IPs make it a distributed attack target. */
  minFailureIps: number;
  /** Any failure Okta ThreatInsight flagged (`debugData.threatSuspected`) makes it an attack target (spray sources are flagged org-wide). */
  threatSuspectedCounts: boolean;
  /** `outcome.reason` values of the failures that count. */
  failureReasons: readonly string[];
};

/** A failed sign-in remembered for a user: time, uuid, source IP ('' when unknown), 1 when ThreatInsight flagged it. */
type Failure = readonly [time: number, uuid: string, ip: string, flagged: 0 | 1];

export interface SignInAfterAttackState {
  readonly failures: readonly Failure[];
}

/** Per user, failures are kept for a short lookback; a cap keeps a sustained attack from growing state. */
const MAX_FAILURES = 200;

function why(failures: readonly Failure[], p: SignInAfterAttackParams): string[] {
  const reasons: string[] = [];
  if (failures.length >= p.minFailures) reasons.push(`${failures.length} failed sign-ins`);
  const ips = new Set(failures.map((f) => f[2]).filter((ip) => ip !== ''));
  if (ips.size >= p.minFailureIps) reasons.push(`failures from ${ips.size} IPs`);
  if (p.threatSuspectedCounts && failures.some((f) => f[3] === 1)) reasons.push('failures flagged by Okta ThreatInsight');
  return reasons;
}

function label(e: OktaEvent): string {
  return e.actor?.alternateId ?? e.actor?.displayName ?? e.actor?.id ?? 'unknown';
}

/**
 * A successful sign-in for a user who was the target of brute force, distributed guessing or a flagged
 * spray shortly before. Per user: failures are remembered for `lookbackMinutes`; a success either fires
 * (the failures look like an attack) or clears them (they were typos). Either way the slate is clean.
 */
const detection: Detection<SignInAfterAttackParams, SignInAfterAttackState> = {
  id: 'okta-sign-in-after-credential-attack',
  title: 'Successful sign-in after a password attack',
  description:
    'A successful sign-in (`user.session.start` SUCCESS) for a user whose account was the target of a password attack shortly before: at least `minFailures` failed sign-ins, failures from `minFailureIps` different IPs, or a failure Okta ThreatInsight flagged (threatSuspected) as coming from a known spray / stuffing source. The attacker may have found the password. A user who mistyped once or twice and then got in does not qualify, and every success clears the user\'s failures.',
  severity: 'high',
  mitre: { tactic: 'Credential Access', technique: 'T1110', name: 'Brute Force' },
  mode: 'hourly',
  eventTypes: ['user.session.start'],
  defaults: { lookbackMinutes: 60, minFailures: 5, minFailureIps: 3, threatSuspectedCounts: true, failureReasons: PASSWORD_FAILURE_REASONS },
  stateTtlMinutes: (p) => p.lookbackMinutes,
  key(e, p) {
    if (!isSuccessfulSignIn(e) && !isFailedSignIn(e, p.failureReasons)) return undefined;
    const account = signInAccount(e);
    return account?.id;
  },
  step(state, e, p) {
    const from = e.time - p.lookbackMinutes * 60_000;
    const failures = (state?.failures ?? []).filter((f) => f[0] > from && f[0] <= e.time);
    const later = (state?.failures ?? []).filter((f) => f[0] > e.time);
    if (isFailedSignIn(e, p.failureReasons)) {
      const next = [...failures, ...later, [e.time, e.uuid, e.ip ?? '', e.flag('threatSuspected') ? 1 : 0] as Failure].sort((a, b) => a[0] - b[0]);
      return { state: { failures: next.length > MAX_FAILURES ? next.slice(next.length - MAX_FAILURES) : next } };
    }
    if (!isSuccessfulSignIn(e)) return { state: state?.failures.length ? { failures: [...failures, ...later] } : undefined };
    // A success: judge the failures before it, then forget them.
    const rest = later.length ? { failures: later } : undefined;
    const reasons = why(failures, p);
    if (failures.length === 0 || reasons.length === 0) return { state: rest };
    const ips = [...new Set(failures.map((f) => f[2]).filter((ip) => ip !== ''))];
    const minutesBefore = Math.round((e.time - failures[failures.length - 1][0]) / 60_000);
    const signal: Signal = {
      subject: { type: 'user', id: e.actor!.id, display: e.actor!.alternateId ?? e.actor!.displayName },
      summary: `${label(e)} signed in from ${e.ip ?? 'an unknown IP'}${e.country ? ` (${e.country})` : ''} ${minutesBefore} min after ${reasons.join(', ')}`,
      eventUuids: [...failures.map((f) => f[1]), e.uuid],
      windowStart: new Date(failures[0][0]).toISOString(),
      windowEnd: e.published,
      context: {
        failedSignIns: failures.length,
        failureIps: ips.slice(0, 20),
        successIp: e.ip,
        successCountry: e.country,
        successFromAttackIp: e.ip !== undefined && ips.includes(e.ip),
        threatSuspectedFailures: failures.filter((f) => f[3] === 1).length,
        reasons,
        lookbackMinutes: p.lookbackMinutes,
      },
    };
    return { state: rest, signal };
  },
  status: 'stable',
  falsePositives: [
    'A user who forgot their password and kept guessing before getting it right from an unusual network (the failures come from their own device and are cleared by their own success only when on the same browser).',
  ],
  runbook: {
    check: [
      'Whether the failures and the success share the source IP, user agent and device token (dtHash)',
      'The sign-in\'s MFA step: which factor, and whether a push was approved from the user\'s usual phone',
      'What the session did next: apps opened, factors enrolled, admin console',
    ],
    act: [
      'Ask the user over a known channel whether it was them',
      'If not: clear the user\'s sessions, reset the password, reset MFA factors and review factor enrolments since the sign-in',
    ],
  },
  differences: [
    'Self-contained per-user state instead of alert correlation; a success always clears the failures before it, so typo-then-success never fires',
  ],
  references: [
    'Elastic detection-rules: Okta Successful Login After Credential Attack (correlates spray / stuffing / brute-force alerts with a later success, 3 h)',
    'Okta customer-detections: ThreatInsight - Password Spray (threatSuspected)',
  ],
};

export default detection;
