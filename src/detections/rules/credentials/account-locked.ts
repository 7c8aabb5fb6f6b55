import { label, subjectUser } from '../../../okta/event';
import { singleEvent } from '../../kit/single-event';
import { userSubject } from '../../kit/subject';

/** Lockout event types: the lockout itself, and the lockout that ends Okta's automatic unlocking. */
export const LOCKOUT_EVENT_TYPES = ['user.account.lock', 'user.account.lock.limit'] as const;

/** A user's account was locked out after too many failed sign-ins. */
export default singleEvent<Record<string, never>>({
  id: 'okta-account-locked',
  title: 'User account locked out',
  description:
    'A user account was locked out (`user.account.lock`) after too many failed sign-in attempts, or reached `user.account.lock.limit` (locked out 10 times in a row without a successful sign-in, after which Okta stops unlocking it automatically). One lockout is usually a forgotten password; it is worth a look when the failures came from an unfamiliar IP or country, and many at once are a spray (see okta-mass-account-lockouts).',
  severity: 'low',
  mitre: { tactic: 'Credential Access', technique: 'T1110.001', name: 'Brute Force: Password Guessing' },
  mode: 'hourly',
  eventTypes: [...LOCKOUT_EVENT_TYPES],
  defaults: {},
  match(e) {
    const user = subjectUser(e);
    if (!user) return undefined;
    const limit = e.eventType === 'user.account.lock.limit';
    return {
      subject: userSubject(user),
      summary: limit
        ? `${label(user)} was locked out 10 times in a row; Okta no longer unlocks the account automatically`
        : `${label(user)} was locked out after too many failed sign-ins${e.ip ? ` (last attempt from ${e.ip}${e.country ? `, ${e.country}` : ''})` : ''}`,
      context: { eventType: e.eventType, reason: e.reason, ip: e.ip, country: e.country, asOrg: e.asOrg, isProxy: e.isProxy, lockLimitReached: limit },
    };
  },
  status: 'stable',
  falsePositives: [
    'A user locking themself out after a holiday',
  ],
  runbook: {
    check: [
      'The failed sign-ins before the lockout: source IP and user agent',
      'Other lockouts at the same time (okta-mass-account-lockouts)',
    ],
    act: [
      'Unlock after confirming with the user; if the failures were not theirs, treat as a brute force and reset the password',
    ],
  },
  references: [
    'panther-analysis okta_user_account_locked (user.account.lock, user.account.lock.limit)',
    'Sigma okta_user_account_locked_out (displayMessage "Max sign in attempts exceeded")',
    'https://support.okta.com/help/s/article/user-not-getting-auto-unlocked-after-10-consecutive-lockouts',
  ],
});
