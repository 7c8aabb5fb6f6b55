import { attemptWindow, fewTries, sample } from '../../kit/attempt-window';
import { inIgnoredZone } from '../../kit/network';
import { isFailedSignIn, PASSWORD_FAILURE_REASONS } from '../../kit/sign-in';

export type PasswordSprayIpParams = {
  /** Distinct accounts that must fail from the one IP within the window. */
  minUsers: number;
  /** An account tried more often than this is brute force, not spray, and does not count. */
  maxAttemptsPerUser: number;
  windowMinutes: number;
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
    'Failed sign-ins (`user.session.start`, FAILURE, INVALID_CREDENTIALS / LOCKED_OUT) for many distinct accounts from a single source IP within an hour, each account tried only a few times: an attacker trying one or two common passwords against many users while staying under the lockout threshold. Accounts that then sign in successfully from the same IP are forgotten (they were typos), and accounts tried more than `maxAttemptsPerUser` times are left to the brute-force detection.',
  severity: 'medium',
  mitre: { tactic: 'Credential Access', technique: 'T1110.003', name: 'Brute Force: Password Spraying' },
  mode: 'hourly',
  eventTypes: ['user.session.start'],
  defaults: { minUsers: 10, maxAttemptsPerUser: 5, windowMinutes: 60, failureReasons: PASSWORD_FAILURE_REASONS, ignoreZones: [] },
  group: (e, p) => (e.ip && !inIgnoredZone(e, p.ignoreZones) ? e.ip : undefined),
  counts: (e, p) => isFailedSignIn(e, p.failureReasons),
  windowMinutes: (p) => p.windowMinutes,
  subject: (e, ip) => ({ type: 'ip', id: ip, display: e.country ? `${ip} (${e.country})` : ip }),
  evaluate(attempts, e, p) {
    const few = fewTries(attempts, p.maxAttemptsPerUser);
    if (few.accounts.length < p.minUsers) return undefined;
    return {
      evidence: few.attempts,
      summary: `${few.accounts.length} accounts failed to sign in from ${e.ip}${e.country ? ` (${e.country})` : ''} within ${p.windowMinutes} minutes, at most ${p.maxAttemptsPerUser} tries each`,
      context: {
        accounts: few.accounts.length,
        failedSignIns: few.attempts.length,
        sampleAccounts: sample(few.accounts),
        country: e.country,
        asOrg: e.asOrg,
        isProxy: e.isProxy,
        userAgent: e.userAgent,
      },
    };
  },
  references: [
    'Elastic detection-rules: Potential Okta Password Spray (Single Source) (>= 5 users, <= 8 tries each, INVALID_CREDENTIALS/LOCKED_OUT)',
    'Okta customer-detections: ThreatInsight - Password Spray (security.threat.detected; this rule needs no ThreatInsight)',
    'https://support.okta.com/help/s/article/Troubleshooting-Distributed-Brute-Force-andor-Password-Spray-attacks-in-Okta',
    'Differs: successful sign-ins from the same IP forget the account, so an office NAT full of typos does not fire',
  ],
});
