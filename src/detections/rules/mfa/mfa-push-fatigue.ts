import { label, type OktaEvent, present } from '../../../okta/event';
import { userSubject } from '../../kit/subject';
import { threshold } from '../../kit/threshold';

/** A rejected Okta Verify push, in the Identity Engine or the Classic form. */
export function isPushRejection(e: OktaEvent): boolean {
  if (e.eventType === 'user.mfa.okta_verify.deny_push') return true;
  return e.eventType === 'user.authentication.auth_via_mfa' && e.outcome === 'FAILURE' && (e.debug('factor') ?? '').toUpperCase() === 'OKTA_VERIFY_PUSH';
}

/**
 * One rejection, whichever forms Okta logs it in: the Okta transaction (`transaction.id`, the phone's answer to one push)
 * when there is one, else the event. A tap on "No" recorded both as `user.mfa.okta_verify.deny_push` and as a failed
 * `user.authentication.auth_via_mfa` then counts once, not twice.
 */
export function rejectionId(e: OktaEvent): string {
  const tx = present(e.raw.transaction?.id);
  return tx && tx.toLowerCase() !== 'unknown' ? `tx:${tx}` : `event:${e.uuid}`;
}

/** Several rejected pushes for one user within minutes: MFA fatigue / push bombing. */
export default threshold({
  id: 'okta-mfa-push-fatigue',
  title: 'MFA push fatigue',
  description:
    'Several Okta Verify push rejections for one user within minutes: an attacker holding the password is bombarding the user with pushes until one is approved. Reads both the Identity Engine (`user.authentication.auth_via_mfa`, FAILURE, factor OKTA_VERIFY_PUSH) and Classic (`user.mfa.okta_verify.deny_push`) forms; rejections are counted per Okta transaction, so one rejection logged in both forms counts once.',
  severity: 'high',
  mitre: { tactic: 'Credential Access', technique: 'T1621', name: 'Multi-Factor Authentication Request Generation' },
  mode: 'near-time',
  eventTypes: ['user.authentication.auth_via_mfa', 'user.mfa.okta_verify.deny_push'],
  defaults: { threshold: 3, windowMinutes: 10 },
  key: (e) => (isPushRejection(e) && e.actor ? e.actor.id : undefined),
  distinct: rejectionId,
  threshold: (p) => p.threshold,
  windowMinutes: (p) => p.windowMinutes,
  subject: (e) => userSubject(e.actor!),
  summary: (n, e, p) => `${n} Okta Verify pushes rejected by ${label(e.actor)} within ${p.windowMinutes} minutes`,
  context: (e) => ({ lastIp: e.ip, lastCountry: e.country }),
  status: 'stable',
  falsePositives: [
    'A user with a flaky phone approving late or rejecting duplicate pushes',
  ],
  runbook: {
    check: [
      'Where the pushes were requested from versus where the user is',
      'Whether a push was approved at the end of the burst',
    ],
    act: [
      'If an approval followed: clear the session, reset the password, and move the user to number challenge or FastPass',
    ],
  },
  references: ['panther-analysis okta_push_fatigue (Classic only)', 'Okta customer-detections: MFA fatigue'],
});
