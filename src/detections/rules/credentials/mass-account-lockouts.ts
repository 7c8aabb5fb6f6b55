import { subjectUser } from '../../../okta/event';
import { BASELINE_DEFAULTS, type BaselineParams } from '../../kit/baseline';
import { threshold } from '../../kit/threshold';
import { LOCKOUT_EVENT_TYPES } from './account-locked';

export type MassLockoutParams = BaselineParams & {
  /** Distinct users locked out within the window: the bar while the org's normal is learned, and its floor after. */
  threshold: number;
  windowMinutes: number;
};

/** Many distinct users locked out within minutes: a spray or stuffing run hitting the lockout policy. */
export default threshold<MassLockoutParams>({
  id: 'okta-mass-account-lockouts',
  title: 'Many accounts locked out',
  description:
    'Several distinct users locked out (`user.account.lock` / `user.account.lock.limit`) within a short window, org-wide. Individual lockouts are everyday forgotten passwords, and a large org has several an hour: the count is judged against the org\'s own normal for that hour of the day (learned over `baselineDays`, never below `threshold`); many more than usual mean someone is guessing passwords across the org fast enough to trip the lockout policy, and the lockouts themselves deny those users access.',
  severity: 'medium',
  mitre: { tactic: 'Credential Access', technique: 'T1110', name: 'Brute Force' },
  mode: 'hourly',
  eventTypes: [...LOCKOUT_EVENT_TYPES],
  defaults: { threshold: 5, windowMinutes: 30, ...BASELINE_DEFAULTS },
  key: (e) => (subjectUser(e) ? 'org' : undefined),
  distinct: (e) => subjectUser(e)?.id,
  threshold: (p) => p.threshold,
  windowMinutes: (p) => p.windowMinutes,
  baseline: (p) => p,
  subject: () => ({ type: 'org', id: 'org', display: 'Okta org' }),
  summary: (n, _e, p) => `${n} different users locked out within ${p.windowMinutes} minutes`,
  context: (e) => ({ lastIp: e.ip, lastCountry: e.country }),
  status: 'stable',
  falsePositives: [
    'A password policy change or an expired service credential locking many accounts at once',
    'A misconfigured app or VPN retrying stale passwords for many users',
  ],
  runbook: {
    check: [
      'The source IPs and user agents of the failed sign-ins that led to the lockouts',
      'Whether an admin changed a password or lockout policy just before',
    ],
    act: [
      'Block the attacking networks (network zone blocklist) and keep ThreatInsight in enforce mode',
      'Unlock accounts only after the source is blocked; tell the affected users',
    ],
  },
  references: ['panther-analysis okta_user_account_locked (single lockout, low)', 'Sigma okta_user_account_locked_out'],
});
