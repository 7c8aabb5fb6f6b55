import { label, type OktaEvent, type Party } from '../../../okta/event';
import { MINUTE } from '../../../time';
import { actorContext, succeeded } from '../../kit/admin-change';
import { nonUserTarget } from '../../kit/mfa';
import { userSubject } from '../../kit/subject';
import { type Detection, severityRank } from '../../types';

export type SelfResetParams = {
  /** Findings about the user that make their session suspicious: a credential attack, an anonymizer, a stolen session. */
  after: readonly string[];
  /** How long after such a finding a self-service reset is judged by it. */
  withinHours: number;
};

const RESETS: Readonly<Record<string, string>> = {
  'user.mfa.factor.reset_all': 'reset all their MFA factors',
  'user.mfa.factor.deactivate': 'removed an MFA factor',
};

/** The user resetting their own factors (actor and target the same user, or no other user named). */
function selfReset(e: OktaEvent): Party | undefined {
  if (!RESETS[e.eventType] || !succeeded(e) || e.actor?.type !== 'User') return undefined;
  const target = e.target('User');
  return !target || target.id === e.actor.id ? e.actor : undefined;
}

/**
 * A self-service MFA reset inside a session already found suspicious: whoever holds the session swaps the factors
 * for their own. Reads the findings before it (the engine's ledger), so it runs in the hourly pass.
 */
const detection: Detection<SelfResetParams, undefined> = {
  id: 'okta-mfa-self-reset-suspicious-session',
  title: 'Self-service MFA reset after a suspicious sign-in',
  description:
    'A user reset or removed their own MFA factors (`user.mfa.factor.reset_all`, `user.mfa.factor.deactivate`, actor ' +
    'and target the same user) within `withinHours` of a medium or higher finding about that user from a credential ' +
    'attack (okta-brute-force-user, okta-sign-in-after-credential-attack), an anonymizer sign-in (okta-anonymizer-sign-in) ' +
    'or a stolen session (okta-session-hijack). Whoever holds a stolen session removes the victim\'s factors to enrol ' +
    'their own; people reset their own factors every day, so a self reset alone is not reported. Low findings (a failed ' +
    'sign-in through a proxy) do not make a session suspicious.',
  severity: 'high',
  status: 'experimental',
  falsePositives: ['A user who signed in through a personal VPN (an anonymizer finding) and replaced their phone the same day'],
  runbook: {
    check: ['The finding before the reset: which session, network and device', 'The factor enrolled after the reset: device, network, country'],
    act: ['Suspend the user, clear their sessions, reset their factors and password, and re-verify identity before re-enrolment'],
  },
  mitre: { tactic: 'Persistence', technique: 'T1556.006', name: 'Modify Authentication Process: Multi-Factor Authentication' },
  mode: 'hourly',
  eventTypes: Object.keys(RESETS),
  defaults: { after: ['okta-brute-force-user', 'okta-sign-in-after-credential-attack', 'okta-anonymizer-sign-in', 'okta-session-hijack'], withinHours: 12 },
  readsFindings: (p) => ({ detections: p.after, withinMinutes: p.withinHours * 60 }),
  stateTtlMinutes: () => 0,
  key: (e) => selfReset(e)?.id,
  step(_state, e, p, prior) {
    const user = selfReset(e);
    if (!user || !prior) return { state: undefined };
    const subject = userSubject(user);
    const before = prior(subject).filter((f) => severityRank(f.severity) >= severityRank('medium') && Date.parse(f.windowEnd) >= e.time - p.withinHours * 60 * MINUTE);
    if (!before.length) return { state: undefined };
    const first = before[0];
    const minutesAfter = Math.round((e.time - Date.parse(first.windowEnd)) / MINUTE);
    const factor = e.eventType === 'user.mfa.factor.deactivate' ? nonUserTarget(e)?.displayName : undefined;
    return {
      state: undefined,
      signal: {
        subject,
        summary: `${label(user)} ${RESETS[e.eventType]}${factor ? ` (${factor})` : ''} ${minutesAfter} minutes after ${first.detectionId} reported their account`,
        eventUuids: [e.uuid],
        windowStart: first.windowStart,
        windowEnd: e.published,
        context: { ...actorContext(e), eventType: e.eventType, factor, after: before.map((f) => ({ detectionId: f.detectionId, severity: f.severity, windowStart: f.windowStart, windowEnd: f.windowEnd })) },
      },
    };
  },
  differences: [
    'Reports a self-service reset only inside a session another finding made suspicious; panther-analysis okta_user_mfa_reset reports every self reset as info, and Sigma okta_mfa_reset_or_deactivated every reset',
  ],
  references: ['panther-analysis okta_user_mfa_reset (own reset, info)', 'Sigma okta_mfa_reset_or_deactivated', 'okta/customer-detections hunt_on_factor_resets'],
};

export default detection;
