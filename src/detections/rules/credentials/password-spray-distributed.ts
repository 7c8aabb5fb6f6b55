import { attemptWindow, distinctIps, fewTries, sample } from '../../kit/attempt-window';
import { inIgnoredZone } from '../../kit/network';
import { isFailedSignIn, PASSWORD_FAILURE_REASONS } from '../../kit/sign-in';

export type PasswordSprayDistributedParams = {
  /** Distinct accounts that must fail org-wide within the window. */
  minUsers: number;
  /** Distinct source IPs those failures must come from. */
  minIps: number;
  /** An account tried more often than this is brute force, not spray, and does not count. */
  maxAttemptsPerUser: number;
  windowMinutes: number;
  /** `outcome.reason` values of the failures that count. */
  failureReasons: readonly string[];
  /** Network zones (by name) whose failures never count, e.g. the office egress NAT. */
  ignoreZones: readonly string[];
};

/** Many accounts failing to sign in, a few tries each, from many IPs: a spray through rotating proxies. */
export default attemptWindow<PasswordSprayDistributedParams>({
  id: 'okta-password-spray-distributed',
  title: 'Distributed password spray',
  description:
    'Failed sign-ins (`user.session.start`, FAILURE, INVALID_CREDENTIALS / LOCKED_OUT) for many distinct accounts, a few tries each, coming from many different source IPs within an hour, counted org-wide. Catches sprays through residential-proxy or botnet IP rotation that never trip a per-IP threshold. Users who fail and then sign in successfully are forgotten, so the background of ordinary typos across a large org does not add up to an attack.',
  severity: 'medium',
  mitre: { tactic: 'Credential Access', technique: 'T1110.003', name: 'Brute Force: Password Spraying' },
  mode: 'hourly',
  eventTypes: ['user.session.start'],
  defaults: { minUsers: 20, minIps: 5, maxAttemptsPerUser: 3, windowMinutes: 60, failureReasons: PASSWORD_FAILURE_REASONS, ignoreZones: [] },
  group: (e, p) => (isFailedSignIn(e, p.failureReasons) && inIgnoredZone(e, p.ignoreZones) ? undefined : 'org'),
  counts: (e, p) => isFailedSignIn(e, p.failureReasons),
  windowMinutes: (p) => p.windowMinutes,
  subject: () => ({ type: 'org', id: 'org', display: 'Okta org' }),
  evaluate(attempts, _e, p) {
    const few = fewTries(attempts, p.maxAttemptsPerUser);
    if (few.accounts.length < p.minUsers) return undefined;
    const ips = distinctIps(few.attempts);
    if (ips.size < p.minIps) return undefined;
    return {
      evidence: few.attempts,
      summary: `${few.accounts.length} accounts failed to sign in from ${ips.size} different IPs within ${p.windowMinutes} minutes, at most ${p.maxAttemptsPerUser} tries each`,
      context: {
        accounts: few.accounts.length,
        sourceIps: ips.size,
        failedSignIns: few.attempts.length,
        sampleAccounts: sample(few.accounts),
        sampleIps: sample(ips),
      },
    };
  },
  references: [
    'Elastic detection-rules: Potential Okta Password Spray (Multi-Source) (>= 5 IPs, >= 8 users, <= 5 attempts per user per 15 min)',
    'https://support.okta.com/help/s/article/Troubleshooting-Distributed-Brute-Force-andor-Password-Spray-attacks-in-Okta',
    'Differs: a sliding hour instead of fixed buckets, and accounts that sign in successfully are dropped from the count',
  ],
});
