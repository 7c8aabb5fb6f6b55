import { label } from '../../../okta/event';
import { allowListed, matchName } from '../../kit/network';
import { signInUser } from '../../kit/sign-in';
import { singleEvent } from '../../kit/single-event';

export type ThreatInsightParams = {
  /**
   * Also report requests ThreatInsight already blocked (`outcome.result` DENY, ThreatInsight in "log and
   * enforce" mode), as `info` findings: a record of who is attacking the org, not an alarm. On by default, like
   * the peers; a tenant that does not want the record turns it off.
   */
  includeBlocked: boolean;
  /** Threat categories (words in `outcome.reason`) not to report, e.g. "Login failures". */
  ignoreReasons: readonly string[];
  /** Tenant networks ThreatInsight misjudges (a load tester, a partner's egress). */
  allowedIps: readonly string[];
  allowedAsOrgs: readonly string[];
};

/** ThreatInsight saw credential-based attack traffic (password spray, credential stuffing, brute force) from an IP. */
export default singleEvent<ThreatInsightParams>({
  id: 'okta-threatinsight-threat-detected',
  title: 'Okta ThreatInsight detected a threat',
  description:
    "Okta ThreatInsight logged `security.threat.detected`: requests from an IP that Okta's global view ties to password spraying, credential stuffing or brute force against this org (`outcome.reason` names the category, `debugData.threatDetections` the details). Reported per IP; requests ThreatInsight already blocked (DENY) are reported as info (a record of who attacks the org; subscribers get medium and above by default), unless the tenant turns `includeBlocked` off.",
  severityNote: 'info when ThreatInsight already blocked the request (DENY)',
  severity: 'high',
  mitre: { tactic: 'Credential Access', technique: 'T1110', name: 'Brute Force' },
  mode: 'near-time',
  eventTypes: ['security.threat.detected'],
  defaults: { includeBlocked: true, ignoreReasons: [], allowedIps: [], allowedAsOrgs: [] },
  match(e, p) {
    if (e.eventType !== 'security.threat.detected') return undefined;
    if (!p.includeBlocked && e.outcome === 'DENY') return undefined;
    if (allowListed(e, p)) return undefined;
    if (e.reason && matchName([e.reason], p.ignoreReasons) !== undefined) return undefined;
    const user = signInUser(e);
    const target = user && user.alternateId !== 'unknown' ? user : undefined;
    const reason = e.reason ?? 'threat suspected';
    const blocked = e.outcome === 'DENY';
    return {
      severity: blocked ? 'info' : undefined,
      subject: e.ip ? { type: 'ip', id: e.ip, display: e.ip } : { type: 'org', id: 'org', display: 'Okta org' },
      summary: `ThreatInsight ${blocked ? 'blocked' : 'flagged'} ${e.ip ?? 'requests'}${e.country ? ` (${e.country})` : ''}: ${reason}${target ? `, targeting ${label(target)}` : ''}`,
      context: {
        reason,
        outcome: e.outcome,
        threatDetections: e.debug('threatDetections'),
        requestUri: e.debug('requestUri'),
        ip: e.ip,
        country: e.country,
        asOrg: e.asOrg,
        userAgent: e.userAgent,
        targetUser: target ? label(target) : undefined,
      },
    };
  },
  status: 'stable',
  falsePositives: [
    'A load tester or partner egress ThreatInsight misjudges (allow-list it)',
    'Blocked internet noise (DENY): reported as info, for the record',
  ],
  runbook: {
    check: [
      'The category (outcome.reason) and the targeted accounts',
      'For an allowed request: whether any account then signed in from the IP',
    ],
    act: [
      'Set ThreatInsight to log and enforce mode if it is only logging; block the IP; reset accounts that signed in from it',
    ],
  },
  differences: [
    'An allowed request is high whatever ThreatInsight rated it (panther-analysis takes the highest severity in threatDetections): an attack ThreatInsight let through reached the sign-in page',
    'Reported per IP and hour, and a tenant can allow-list a load tester or partner egress, or ignore a category',
  ],
  references: [
    'panther-analysis okta_threatinsight_security_threat_detected (DENY outcomes lowered to INFO)',
    'Splunk okta_threatinsight_threat_detected',
    'okta/customer-detections threat_insight_password_spray and threat_insight_high_unknown_users (outcome.reason)',
    'Sigma okta_security_threat_detected; Elastic "Threat Detected by Okta ThreatInsight"',
  ],
});
