import { label } from '../../../okta/event';
import { actorContext, actorLabel, inList, succeeded } from '../../kit/admin-change';
import { singleEvent } from '../../kit/single-event';
import { userSubject } from '../../kit/subject';

/** Stage of Okta Support access each event records (Okta: "Read Only Impersonation Access System Logs Audit Events"). */
const STAGES: Readonly<Record<string, string>> = {
  'user.session.impersonation.grant': 'grant',
  'user.session.impersonation.extend': 'extend',
  'user.session.impersonation.initiate': 'initiate',
};

/** Okta Support given access to the org, the access extended, or a support engineer signing in with it. */
export default singleEvent({
  id: 'okta-support-impersonation',
  title: 'Okta Support access granted or used',
  description:
    'A Super Admin granted or extended Okta Support access to the org (`user.session.impersonation.grant` / `extend`), or an ' +
    'Okta Support engineer started an impersonation session with it (`user.session.impersonation.initiate`). Support access ' +
    'is a trusted third party acting with admin rights; it should match an open support case. A compromised admin can also ' +
    'grant it as cover, and the 2023 Okta support-system breach showed the channel itself can be abused. Revocations and ' +
    'session ends are not findings. An attempt that failed (a grant refused for lack of rights, a support session without a ' +
    'valid grant) is reported at medium: someone without the access tried to get it.',
  severityNote: 'medium for an attempt that failed',
  severity: 'high',
  mitre: { tactic: 'Initial Access', technique: 'T1199', name: 'Trusted Relationship' },
  mode: 'near-time',
  eventTypes: Object.keys(STAGES),
  defaults: {
    /** Which stages raise a finding: any of grant, extend, initiate. */
    stages: ['grant', 'extend', 'initiate'] as readonly string[],
    /** Admins whose grants/extensions are expected (e.g. the IAM on-call); sessions they enable still raise `initiate` findings. */
    approvedGrantors: [] as readonly string[],
    /** Also report attempts that failed (outcome FAILURE or DENY), at medium: a grant refused, a session without a grant. */
    includeFailures: true as boolean,
  },
  match(e, p) {
    const stage = STAGES[e.eventType];
    if (!stage || !inList(stage, p.stages)) return undefined;
    const context = { ...actorContext(e), eventType: e.eventType, stage };
    if (!succeeded(e)) {
      if (!p.includeFailures || (e.outcome !== 'FAILURE' && e.outcome !== 'DENY')) return undefined;
      const user = stage === 'initiate' ? e.target('User') : undefined;
      const tried = { grant: 'to grant Okta Support access to the org', extend: 'to extend Okta Support access to the org', initiate: `to start an Okta Support session${user ? ` as ${label(user)}` : ''}` }[stage];
      return {
        severity: 'medium',
        kind: 'failed',
        subject: user ? userSubject(user) : { type: 'org', id: 'okta-support-access', display: 'Okta Support access to the org' },
        summary: `${actorLabel(e)} tried ${tried}, and it failed${e.reason ? ` (${e.reason})` : ''}`,
        context: { ...context, outcome: e.outcome, reason: e.reason, impersonated: user ? label(user) : undefined },
      };
    }
    if (stage === 'initiate') {
      const impersonated = e.target('User') ?? e.actor;
      if (!impersonated) return { subject: { type: 'org', id: 'okta-support-session', display: 'Okta Support session' }, summary: 'Okta Support started an impersonation session', context };
      return {
        subject: userSubject(impersonated),
        summary: `Okta Support session started as ${label(impersonated)}${e.actor && e.actor.id !== impersonated.id ? ` by ${actorLabel(e)}` : ''}`,
        context: { ...context, impersonated: label(impersonated) },
      };
    }
    const grantor = e.actor;
    if (grantor && [grantor.id, grantor.alternateId, grantor.displayName].some((n) => inList(n, p.approvedGrantors))) return undefined;
    return {
      subject: { type: 'org', id: 'okta-support-access', display: 'Okta Support access to the org' },
      summary: `${actorLabel(e)} ${stage === 'grant' ? 'granted' : 'extended'} Okta Support access to the org`,
      context: { ...context, expiresAt: e.debug('expiresAt') ?? e.debug('expiration') },
    };
  },
  status: 'stable',
  falsePositives: [
    'An admin granting Okta Support access for an open case',
    'A support engineer signing in for that case',
  ],
  runbook: {
    check: [
      'The open support case and the grant\'s expiry',
      'Who granted it and from where; for failed attempts, who tried and how often',
    ],
    act: [
      'If there is no case: revoke Okta Support access (Settings > Account), and contact Okta through your account team',
    ],
  },
  differences: [
    'High rather than medium (panther-analysis): support access is admin access by a third party, and the 2023 support-system breach used it; grants by approved admins can be allow-listed (approvedGrantors) while sessions are still reported',
  ],
  references: [
    'https://support.okta.com/help/s/article/read-only-impersonation-access-system-logs-audit-events',
    'panther-analysis okta_account_support_access (grant + initiate)',
    'Elastic "Okta User Session Impersonation" (initiate)',
    'Sigma okta_session_impersonation_granted',
  ],
});
