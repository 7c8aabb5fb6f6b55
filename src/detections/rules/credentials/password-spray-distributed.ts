import { attemptWindow, distinctIps, fewTries, sample, sources } from '../../kit/attempt-window';
import { aboveNormal, bar, BASELINE_DEFAULTS, type BaselineParams } from '../../kit/baseline';
import { inIgnoredZone } from '../../kit/network';
import { isFailedSignIn, PASSWORD_FAILURE_REASONS } from '../../kit/sign-in';

export type PasswordSprayDistributedParams = BaselineParams & {
  /** Distinct accounts that must fail org-wide within the window: the bar while the org's normal is learned, and its floor after. */
  minUsers: number;
  /** Distinct source IPs those failures must come from. */
  minIps: number;
  /** An account tried more often than this is brute force, not spray, and does not count. */
  maxAttemptsPerUser: number;
  windowMinutes: number;
  /** A failure followed this soon by the account's own sign-in from the same IP or device is a typo and never counts. */
  explainMinutes: number;
  /** A failure counts once it is this old and still unexplained: the window judged ends this long before the org's latest sign-in. */
  settleMinutes: number;
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
    'Failed sign-ins (`user.session.start`, FAILURE, INVALID_CREDENTIALS / LOCKED_OUT) for many distinct accounts, a few tries each, from many different source IPs within an hour, counted org-wide. Catches sprays through residential-proxy or botnet IP rotation that never trip a per-IP threshold. Only what looks like an attack counts: a failure the user explains by signing in within `explainMinutes` from the same IP or device is a typo (a failure is judged once it is `settleMinutes` old, when the org\'s next sign-ins arrive, so the user has had the time to retype), and failures from addresses where people sign in successfully (office NAT, VPN; okta-password-spray-ip judges those) are left out. The count is judged against the org\'s own normal for that hour of the day (a baseline learned over `baselineDays`), never below `minUsers`, so the background of a large org does not add up to an attack; the finding names the suspected sources and the targeted accounts, and says how far above normal the hour was.',
  severity: 'medium',
  mitre: { tactic: 'Credential Access', technique: 'T1110.003', name: 'Brute Force: Password Spraying' },
  mode: 'hourly',
  eventTypes: ['user.session.start'],
  defaults: { minUsers: 20, minIps: 5, maxAttemptsPerUser: 3, windowMinutes: 60, explainMinutes: 30, settleMinutes: 10, failureReasons: PASSWORD_FAILURE_REASONS, ignoreZones: [], ...BASELINE_DEFAULTS },
  group: (e, p) => (isFailedSignIn(e, p.failureReasons) && inIgnoredZone(e, p.ignoreZones) ? undefined : 'org'),
  counts: (e, p) => isFailedSignIn(e, p.failureReasons),
  windowMinutes: (p) => p.windowMinutes,
  explainMinutes: (p) => p.explainMinutes,
  settleMinutes: (p) => p.settleMinutes,
  subject: () => ({ type: 'org', id: 'org', display: 'Okta org' }),
  baseline: { params: (p) => p },
  evaluate(view, _e, p) {
    const few = fewTries(
      view.attempts.filter((a) => !view.sharedAddress(a[3])),
      p.maxAttemptsPerUser,
    );
    const level = few.accounts.length;
    const at = bar(p.minUsers, view.normal);
    const ips = distinctIps(few.attempts);
    if (level < at || ips.size < p.minIps) return { level, bar: at };
    const normal = aboveNormal(level, view.normal);
    return {
      level,
      bar: at,
      verdict: {
        evidence: few.attempts,
        summary: `${level} accounts failed to sign in from ${ips.size} different IPs within ${p.windowMinutes} minutes, at most ${p.maxAttemptsPerUser} tries each${normal.phrase}`,
        context: {
          accounts: level,
          sourceIps: ips.size,
          failedSignIns: few.attempts.length,
          unknownUsernames: new Set(few.attempts.filter((a) => a[4] === 1).map((a) => a[2])).size,
          userAgents: new Set(few.attempts.map((a) => a[5])).size,
          targetedAccounts: sample(few.accounts),
          suspectedSources: sources(few.attempts),
          ...normal.context,
        },
      },
    };
  },
  status: 'stable',
  falsePositives: [
    'An org-wide password expiry where many people mistype new passwords from many networks (typos explained by the user\'s own success are not counted)',
  ],
  runbook: {
    check: [
      'The spread of source IPs and AS organisations (proxy pools, hosting)',
      'Accounts tried and any successes from those networks',
    ],
    act: [
      'Enable ThreatInsight enforce mode and block the proxy networks',
      'Reset the passwords of accounts that signed in from them',
    ],
  },
  differences: [
    'A sliding hour instead of fixed buckets; typos explained by the user\'s own sign-in and addresses people sign in from are left out; the bar is the org\'s own normal for the hour',
  ],
  references: [
    'Elastic detection-rules: Potential Okta Password Spray (Multi-Source) (>= 5 IPs, >= 8 users, <= 5 attempts per user per 15 min)',
    'https://support.okta.com/help/s/article/Troubleshooting-Distributed-Brute-Force-andor-Password-Spray-attacks-in-Okta',
  ],
});
