import { label, subjectUser } from '../../../okta/event';
import { isSystemActor } from '../../kit/okta-support';
import { singleEvent } from '../../kit/single-event';
import { userSubject } from '../../kit/subject';

/** An attempt to get past MFA without satisfying it (`user.mfa.attempt_bypass`). */
export default singleEvent<Record<string, never>>({
  id: 'okta-mfa-bypass-attempt',
  title: 'MFA bypass attempt',
  description:
    'Okta recorded an attempt to bypass multi-factor authentication for a user (`user.mfa.attempt_bypass`). Legitimate flows do not produce it; it appears when a sign-in tries to skip the factor challenge, and in Okta Support-initiated MFA bypasses (actor system@okta.com), which should themselves be confirmed with Okta. Any outcome is reported.',
  severity: 'high',
  mitre: { tactic: 'Credential Access', technique: 'T1556.006', name: 'Modify Authentication Process: Multi-Factor Authentication' },
  mode: 'near-time',
  eventTypes: ['user.mfa.attempt_bypass'],
  defaults: {},
  match(e) {
    const user = subjectUser(e);
    const support = isSystemActor(e.actor);
    const who = support ? 'Okta (system@okta.com)' : label(e.actor);
    if (!user) {
      return {
        subject: { type: 'org', id: 'org', display: 'Okta org' },
        summary: `MFA bypass attempt by ${who}${e.ip ? ` from ${e.ip}` : ''} (${e.outcome ?? 'no outcome'})`,
        context: { actor: label(e.actor), ip: e.ip, outcome: e.outcome, reason: e.reason },
      };
    }
    const byOther = e.actor !== undefined && e.actor.id !== user.id;
    return {
      subject: userSubject(user),
      summary: byOther
        ? `${who} attempted to bypass MFA for ${label(user)} (${e.outcome ?? 'no outcome'})`
        : `${label(user)} attempted to bypass MFA${e.ip ? ` from ${e.ip}${e.country ? ` (${e.country})` : ''}` : ''} (${e.outcome ?? 'no outcome'})`,
      context: { actor: label(e.actor), actorType: e.actor?.type, oktaSupport: support, ip: e.ip, country: e.country, userAgent: e.userAgent, outcome: e.outcome, reason: e.reason },
    };
  },
  status: 'stable',
  falsePositives: [
    'An admin generating a temporary bypass for a user locked out of MFA',
  ],
  runbook: {
    check: [
      'Who requested the bypass and the ticket',
      'The user\'s sign-ins during the bypass',
    ],
    act: [
      'If unexplained: revoke the bypass, clear sessions, and review the actor',
    ],
  },
  references: [
    'Elastic detection-rules: Attempted Bypass of Okta MFA (event.action:user.mfa.attempt_bypass)',
    'panther-analysis okta_support_reset (user.mfa.attempt_bypass by system@okta.com)',
  ],
});
