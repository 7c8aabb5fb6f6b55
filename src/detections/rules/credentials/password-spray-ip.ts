import { attemptWindow, fewTries, sample } from '../../kit/attempt-window';
import { aboveNormal, bar, BASELINE_DEFAULTS, type BaselineParams } from '../../kit/baseline';
import { inIgnoredZone } from '../../kit/network';
import { isFailedSignIn, PASSWORD_FAILURE_REASONS } from '../../kit/sign-in';

export type PasswordSprayIpParams = BaselineParams & {
  /** Distinct accounts that must fail from the one IP within the window: the bar for an address no one signs in from, and the floor for any. */
  minUsers: number;
  /** An account tried more often than this is brute force, not spray, and does not count. */
  maxAttemptsPerUser: number;
  windowMinutes: number;
  /** A failure followed this soon by the account's own sign-in from the IP is a typo and never counts. */
  explainMinutes: number;
  /**
   * An address with at least this many successful sign-ins in the window is a shared egress (office NAT, VPN): it
   * learns its own normal per hour of the day, and keeps it for days.
   */
  sharedSignIns: number;
  /**
   * Until that normal is learned, failing accounts a shared address may have per successful sign-in on top of
   * `minUsers`: people behind one NAT mistype, give up and switch to their phone at an ordinary rate.
   */
  failuresPerSignIn: number;
  /** `outcome.reason` values of the failures that count. */
  failureReasons: readonly string[];
  /** Network zones (by name, as in `client.zone`) whose traffic is never treated as a spray source, e.g. the office egress NAT. */
  ignoreZones: readonly string[];
};

/** One IP failing to sign in as many different accounts, a few tries each: password spraying. */
export default attemptWindow<PasswordSprayIpParams>({
  id: 'okta-password-spray-ip',
  title: 'Password spray from one IP',
  description:
    'Failed sign-ins (`user.session.start`, FAILURE, INVALID_CREDENTIALS / LOCKED_OUT) for many distinct accounts from a single source IP within an hour, each account tried only a few times: an attacker trying one or two common passwords against many users while staying under the lockout threshold. Accounts that sign in successfully from the same IP within `explainMinutes` are forgotten (they were typos), and accounts tried more than `maxAttemptsPerUser` times are left to the brute-force detection. An address people sign in from (`sharedSignIns` successful sign-ins in the window: an office NAT, a VPN egress) is judged against its own normal for that hour of the day, learned over `baselineDays` and never below `minUsers`; until then it is allowed `failuresPerSignIn` failing accounts per successful sign-in on top of `minUsers`. An address no one signs in from fires at `minUsers`.',
  severity: 'medium',
  mitre: { tactic: 'Credential Access', technique: 'T1110.003', name: 'Brute Force: Password Spraying' },
  mode: 'hourly',
  eventTypes: ['user.session.start'],
  defaults: {
    minUsers: 10,
    maxAttemptsPerUser: 5,
    windowMinutes: 60,
    explainMinutes: 30,
    sharedSignIns: 20,
    failuresPerSignIn: 0.1,
    failureReasons: PASSWORD_FAILURE_REASONS,
    ignoreZones: [],
    ...BASELINE_DEFAULTS,
  },
  group: (e, p) => (e.ip && !inIgnoredZone(e, p.ignoreZones) ? e.ip : undefined),
  counts: (e, p) => isFailedSignIn(e, p.failureReasons),
  windowMinutes: (p) => p.windowMinutes,
  explainMinutes: (p) => p.explainMinutes,
  subject: (e, ip) => ({ type: 'ip', id: ip, display: e.country ? `${ip} (${e.country})` : ip }),
  baseline: { params: (p) => p, keep: (view, p) => view.signIns >= p.sharedSignIns },
  evaluate(view, e, p) {
    const few = fewTries(view.attempts, p.maxAttemptsPerUser);
    const level = few.accounts.length;
    const at = view.normal.learned ? bar(p.minUsers, view.normal) : p.minUsers + Math.ceil(p.failuresPerSignIn * view.signIns);
    if (level < at) return { level, bar: at };
    const normal = aboveNormal(level, view.normal);
    return {
      level,
      bar: at,
      verdict: {
        evidence: few.attempts,
        summary: `${level} accounts failed to sign in from ${e.ip}${e.country ? ` (${e.country})` : ''} within ${p.windowMinutes} minutes, at most ${p.maxAttemptsPerUser} tries each${view.signIns ? `, while ${view.signIns} sign-ins from it succeeded` : ''}${normal.phrase}`,
        context: {
          accounts: level,
          failedSignIns: few.attempts.length,
          targetedAccounts: sample(few.accounts),
          successfulSignIns: view.signIns,
          country: e.country,
          asOrg: e.asOrg,
          isProxy: e.isProxy,
          userAgent: e.userAgent,
          ...normal.context,
        },
      },
    };
  },
  status: 'stable',
  falsePositives: [
    'A shared egress (office NAT, VPN) where several people mistype passwords in the same hour: judged against that address\'s own normal',
    'A misconfigured sync tool retrying old passwords for many accounts',
  ],
  runbook: {
    check: [
      'The IP\'s AS organisation and whether people sign in from it successfully every day',
      'Which accounts were tried, and whether any then signed in successfully from the same IP',
    ],
    act: [
      'Block the IP or network in a blocklist network zone',
      'Reset the passwords of accounts that signed in from it after the failures, and clear their sessions',
    ],
  },
  differences: [
    'Successful sign-ins from the same IP forget the account, and an address people sign in from is judged against its own normal, so an office NAT full of typos does not fire',
  ],
  references: [
    'Elastic detection-rules: Potential Okta Password Spray (Single Source) (>= 5 users, <= 8 tries each, INVALID_CREDENTIALS/LOCKED_OUT)',
    'Okta customer-detections: ThreatInsight - Password Spray (security.threat.detected; this rule needs no ThreatInsight)',
    'https://support.okta.com/help/s/article/Troubleshooting-Distributed-Brute-Force-andor-Password-Spray-attacks-in-Okta',
  ],
});
