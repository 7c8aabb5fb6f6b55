import { attemptWindow, fewTries, sample } from '../../kit/attempt-window';
import { inIgnoredZone } from '../../kit/network';
import { isFailedSignIn, PASSWORD_FAILURE_REASONS, UNKNOWN_USER_REASONS } from '../../kit/sign-in';

export type CredentialStuffingParams = {
  /** Distinct usernames (existing or not) that must fail from the one IP within the window. */
  minUsernames: number;
  /** Stuffing tries each leaked pair once or twice; usernames tried more often do not count. */
  maxAttemptsPerUser: number;
  /** Short on purpose: tens of usernames in minutes is machine speed. */
  windowMinutes: number;
  /** A failure followed this soon by a sign-in from the same IP and device (the account's own, or any after an unknown username) is a typo. */
  explainMinutes: number;
  /** `outcome.reason` values of the failures that count (wrong password and unknown username). */
  failureReasons: readonly string[];
  /** Network zones (by name) whose traffic is never treated as a stuffing source. */
  ignoreZones: readonly string[];
  /**
   * A burst with at least this many existing accounts among its usernames is a password spray from the IP, reported
   * by okta-password-spray-ip (which fires first, on the existing accounts alone): keep it equal to that detection's
   * `minUsers`. This detection then reports the bursts a spray rule cannot see, carried by usernames unknown to Okta.
   * 0 turns the hand-off off (both detections fire on a mixed burst).
   */
  sprayMinUsers: number;
};

/** One source trying many different usernames, known and unknown, within minutes: a leaked-credential list replayed. */
export default attemptWindow<CredentialStuffingParams>({
  id: 'okta-credential-stuffing',
  title: 'Credential stuffing from one IP',
  description:
    'One source IP failing to sign in (`user.session.start`, FAILURE) with many different usernames within minutes, each tried only once or twice, including usernames that do not exist in the org (Okta logs those with actor id "unknown" and VERIFICATION_ERROR / UNKNOWN_USER; the typed username is counted, so unknown users are not collapsed into one). The pace (tens of usernames in ten minutes) and the unknown usernames point to a leaked username/password list being replayed by a script. A burst with enough existing accounts to be a password spray (`sprayMinUsers`, the spray rule\'s `minUsers`) is left to okta-password-spray-ip, so one burst raises one finding.',
  severity: 'medium',
  mitre: { tactic: 'Credential Access', technique: 'T1110.004', name: 'Brute Force: Credential Stuffing' },
  mode: 'hourly',
  eventTypes: ['user.session.start'],
  defaults: { minUsernames: 20, maxAttemptsPerUser: 2, windowMinutes: 10, failureReasons: [...PASSWORD_FAILURE_REASONS, ...UNKNOWN_USER_REASONS], explainMinutes: 10, ignoreZones: [], sprayMinUsers: 10 },
  group: (e, p) => (e.ip && !inIgnoredZone(e, p.ignoreZones) ? e.ip : undefined),
  counts: (e, p) => isFailedSignIn(e, p.failureReasons),
  windowMinutes: (p) => p.windowMinutes,
  explainMinutes: (p) => p.explainMinutes,
  subject: (e, ip) => ({ type: 'ip', id: ip, display: e.country ? `${ip} (${e.country})` : ip }),
  evaluate(view, e, p) {
    const few = fewTries(view.attempts, p.maxAttemptsPerUser);
    const level = few.accounts.length;
    if (level < p.minUsernames) return { level, bar: p.minUsernames };
    const unknown = new Set(few.attempts.filter((a) => a[4] === 1).map((a) => a[2]));
    // Enough existing accounts for okta-password-spray-ip: one burst, one finding (the spray's).
    if (p.sprayMinUsers > 0 && level - unknown.size >= p.sprayMinUsers) return { level, bar: p.minUsernames };
    const spanMin = Math.max(1, (few.attempts[few.attempts.length - 1][0] - few.attempts[0][0]) / 60_000);
    return {
      level,
      bar: p.minUsernames,
      verdict: {
        evidence: few.attempts,
        summary: `${few.accounts.length} usernames (${unknown.size} unknown to Okta) failed to sign in from ${e.ip}${e.country ? ` (${e.country})` : ''} within ${Math.round(spanMin)} minutes`,
        context: {
          usernames: few.accounts.length,
          unknownUsernames: unknown.size,
          failedSignIns: few.attempts.length,
          perMinute: Math.round((few.attempts.length / spanMin) * 10) / 10,
          sampleUsernames: sample(few.accounts),
          country: e.country,
          asOrg: e.asOrg,
          isProxy: e.isProxy,
          userAgent: e.userAgent,
        },
      },
    };
  },
  status: 'stable',
  falsePositives: [
    'A login page misconfigured to send usernames in the wrong format (unknown users from the org\'s own egress)',
  ],
  runbook: {
    check: [
      'The unknown usernames tried: leaked corporate addresses or random names',
      'Whether any existing account signed in successfully from the same IP',
    ],
    act: [
      'Block the IP or network',
      'Check breach sources for the org\'s addresses; force password resets for existing accounts that were tried',
    ],
  },
  differences: [
    'Counts unknown usernames by the typed name, forgets accounts that then sign in successfully, and leaves bursts with 10+ existing accounts to okta-password-spray-ip',
  ],
  references: [
    'Elastic detection-rules: Potential Okta Credential Stuffing (Single Source) (>= 15 users, <= 2 attempts each, 15 min)',
    'Okta customer-detections: ThreatInsight high unknown users',
    'panther-analysis okta tests: unknown-user sign-ins carry actor.id "unknown" and outcome VERIFICATION_ERROR',
  ],
});
