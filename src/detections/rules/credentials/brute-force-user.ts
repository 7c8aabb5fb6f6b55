import { label } from '../../../okta/event';
import { signInAccount } from '../../kit/sign-in';
import { userSubject } from '../../kit/subject';
import { threshold } from '../../kit/threshold';

/** Repeated failed sign-ins against one user: password guessing. */
export default threshold({
  id: 'okta-brute-force-user',
  title: 'Brute force against one user',
  description:
    'Many failed sign-in attempts (`user.session.start`, FAILURE) against a single user within a sliding window. Counts every failure whatever its source IP, so a distributed attack on one account is caught as well.',
  severity: 'medium',
  mitre: { tactic: 'Credential Access', technique: 'T1110.001', name: 'Brute Force: Password Guessing' },
  mode: 'hourly',
  eventTypes: ['user.session.start'],
  defaults: { threshold: 20, windowMinutes: 60 },
  // Group by the account tried: failures for non-existent usernames all carry actor id "unknown",
  // so those are keyed by the login typed instead of lumped into one "user".
  key: (e) => {
    if (e.outcome !== 'FAILURE') return undefined;
    const account = signInAccount(e);
    return account ? (account.unknown ? `login:${account.login}` : account.id) : undefined;
  },
  threshold: (p) => p.threshold,
  windowMinutes: (p) => p.windowMinutes,
  // A username Okta does not know has actor id "unknown": the subject is the typed login, so two unknown usernames
  // never share a subject (findings are grouped and notified per subject).
  subject: (e) => {
    const account = signInAccount(e);
    return account?.unknown ? { type: 'user', id: `unknown:${account.login}`, display: account.login } : userSubject(e.actor!);
  },
  summary: (n, e, p) => `${n} failed sign-ins for ${label(e.actor)} within ${p.windowMinutes} minutes`,
  context: (e, hits) => ({ lastIp: e.ip, lastCountry: e.country, firstAttempt: new Date(hits[0][0]).toISOString() }),
  status: 'stable',
  falsePositives: [
    'A user with an old password saved in a phone mail client or script retrying it',
  ],
  runbook: {
    check: [
      'Where the failures come from compared with the user\'s usual networks and devices',
      'Whether the account got locked, and whether a success followed',
    ],
    act: [
      'If the source is not the user\'s: block it and reset the password',
      'If it is a stale saved password: have the user update the device',
    ],
  },
  references: ['panther-analysis okta_brute_force_logins (20 failures / 60 min)', 'Sigma okta_user_account_locked_out (related)'],
});
