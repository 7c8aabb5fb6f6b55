import { label, type OktaEvent } from '../../../okta/event';
import { succeeded, targetOfType } from '../../kit/admin-change';
import { allowListed } from '../../kit/network';
import { userSubject } from '../../kit/subject';
import { threshold } from '../../kit/threshold';

export type AppPasswordRevealedParams = {
  /** Distinct applications whose stored password one user reveals within the window. */
  minApps: number;
  windowMinutes: number;
  allowedIps: readonly string[];
  allowedAsOrgs: readonly string[];
};

const SHOW = 'application.user_membership.show_password';

/** A user revealing their own stored password (someone else's is okta-app-password-read's). */
function ownReveal(e: OktaEvent): boolean {
  if (e.eventType !== SHOW || !succeeded(e) || !e.actor) return false;
  const user = e.target('User');
  return !user || user.id === e.actor.id;
}

/** A user revealing the stored passwords of several applications in a short time (Okta Dashboard "password reveal"). */
export default threshold<AppPasswordRevealedParams>({
  id: 'okta-app-password-revealed',
  title: 'User revealed stored application passwords',
  description:
    'One user revealed the stored password of `minApps` or more different applications (`application.user_membership.show_password`, ' +
    'actor is the user) within `windowMinutes`. Someone with a stolen Okta session ' +
    'opens the Dashboard and reveals every SWA password it holds, to use them outside Okta; a person looks up one ' +
    'password now and then.',
  severity: 'medium',
  status: 'experimental',
  falsePositives: ['A user moving to a new password manager and copying their passwords out', 'A user setting up a new phone'],
  runbook: {
    check: ['The apps whose passwords were revealed', "The session's sign-in: network, device, MFA factor; whether the user was at work then"],
    act: ['Ask the user; if it was not them, clear their sessions, reset their Okta password and factors, and rotate the revealed application passwords', 'Consider turning "Password reveal" off in the SWA apps'],
  },
  mitre: { tactic: 'Credential Access', technique: 'T1555', name: 'Credentials from Password Stores' },
  mode: 'hourly',
  eventTypes: [SHOW],
  defaults: { minApps: 3, windowMinutes: 60, allowedIps: [], allowedAsOrgs: [] },
  key(e, p) {
    return ownReveal(e) && !allowListed(e, p) ? e.actor!.id : undefined;
  },
  distinct: (e) => targetOfType(e, ['AppInstance'], false)?.id,
  threshold: (p) => p.minApps,
  windowMinutes: (p) => p.windowMinutes,
  subject: (e) => userSubject(e.actor!),
  summary: (count, e, p) => `${label(e.actor)} revealed the stored passwords of ${count} applications within ${p.windowMinutes} minutes`,
  context: (e) => ({ ip: e.ip, country: e.country, asOrg: e.asOrg, isProxy: e.isProxy, userAgent: e.userAgent, sessionId: e.sessionId }),
  differences: ['A single reveal through a proxy is not reported on its own (the okta/customer-detections hunt suggests it): the proxied sign-in before it is okta-anonymizer-sign-in\'s'],
  references: ['okta/customer-detections hunt_app_password_reveal (application.user_membership.show_password; many apps in a short time, or from a proxy)'],
});
