import { label, subjectUser } from '../../../okta/event';
import { riskOf, riskRank } from '../../kit/risk';
import { singleEvent } from '../../kit/single-event';
import { userSubject } from '../../kit/subject';

export type IdentityRiskParams = {
  /** Lowest entity risk level reported: LOW, MEDIUM or HIGH. */
  minLevel: string;
  /** Detection names (`detectionName` in the risk) not to report, compared case-insensitively. */
  ignoreDetections: readonly string[];
};

/** Identity Threat Protection raised a user's entity risk to HIGH. */
export default singleEvent<IdentityRiskParams>({
  id: 'okta-identity-risk-high',
  title: 'Identity Threat Protection rated a user high risk',
  description:
    "Okta Identity Threat Protection raised a user's entity risk to HIGH (`user.risk.detect` / `user.risk.change`, level in `debugData.risk`), or a Shared Signals provider reported one (`security.events.provider.receive_event`). Detections behind it include Okta Threat Intelligence (phishing infrastructure), suspected session hijacking, a user reporting \"this wasn't me\" and an admin marking the user at risk.",
  severity: 'high',
  mitre: { tactic: 'Initial Access', technique: 'T1078.004', name: 'Valid Accounts: Cloud Accounts' },
  mode: 'near-time',
  eventTypes: ['user.risk.detect', 'user.risk.change', 'security.events.provider.receive_event'],
  defaults: { minLevel: 'HIGH', ignoreDetections: [] },
  match(e, p) {
    const risk = riskOf(e);
    if (!risk?.level) return undefined;
    const min = riskRank(p.minLevel) || riskRank('HIGH');
    if (riskRank(risk.level) < min) return undefined;
    const ignored = p.ignoreDetections.map((d) => d.trim().toLowerCase()).filter((d) => d);
    if (risk.detectionName && ignored.includes(risk.detectionName.toLowerCase())) return undefined;
    const user = subjectUser(e);
    if (!user || user.type === 'SystemPrincipal') return undefined;
    const reporter = e.actor && e.actor.id !== user.id ? label(e.actor) : undefined;
    return {
      subject: userSubject(user),
      summary: `Entity risk of ${label(user)} is ${risk.level}${risk.previousLevel ? ` (was ${risk.previousLevel})` : ''}${risk.detectionName ? `: ${risk.detectionName}` : ''}`,
      context: {
        level: risk.level,
        previousLevel: risk.previousLevel,
        detectionName: risk.detectionName,
        reasons: risk.reasons,
        issuer: risk.issuer,
        eventType: e.eventType,
        reportedBy: reporter,
        traceId: e.debug('traceId') ?? e.debug('TraceId'),
      },
    };
  },
  status: 'stable',
  falsePositives: [
    'Risk raised by a benign sign-in from an unusual network',
  ],
  runbook: {
    check: [
      'The risk reasons Okta gives (debugData.risk) and the user\'s recent activity',
    ],
    act: [
      'Follow the ITP playbook: clear sessions and require re-authentication; reset credentials if the activity is not the user\'s',
    ],
  },
  references: [
    'okta/customer-detections itp_user_risk_changed_to_high (user.risk.detect and debugData.risk contains " level=HIGH")',
    'okta/customer-detections itp_okta_threat_intel_detection, itp_suspected_session_hijacking',
    'Okta developer docs: Identity Threat Protection event types (user.risk.change, security.events.provider.receive_event)',
  ],
});
