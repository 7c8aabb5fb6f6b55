import { label, type OktaEvent } from '../../../okta/event';
import { actorContext, succeeded } from '../../kit/admin-change';
import { fromSupportTooling, SUPPORT_ACTOR_PATTERN } from '../../kit/okta-support';
import { userSubject } from '../../kit/subject';
import type { Detection, Signal, Subject } from '../../types';

/**
 * Credential and MFA resets of one user, and what they do. Not here, on purpose: `user.mfa.attempt_bypass`
 * (okta-mfa-bypass-attempt reports every one, Okta Support's included) and `system.mfa.factor.deactivate`
 * (okta-mfa-factor-disabled-org-wide reports every one): reading them too raised two findings for one event.
 */
const RESETS: Readonly<Record<string, string>> = {
  'user.account.reset_password': 'password reset',
  'user.mfa.factor.reset_all': 'all MFA factors reset',
  'user.mfa.factor.deactivate': 'MFA factor removed',
  'user.mfa.factor.update': 'MFA factor changed',
};
const INITIATE = 'user.session.impersonation.initiate';
const END = 'user.session.impersonation.end';

export type SupportResetParams = {
  /** Actor login (alternateId) Okta uses for resets made from its support tooling. */
  supportActorPattern: string;
  /** Also require the tooling markers: no user agent, no geolocation, transaction id missing or "unknown". */
  requireNoClientContext: boolean;
  /** How long after `user.session.impersonation.initiate` a reset in the same session counts as Okta Support's. */
  impersonationWindowMinutes: number;
};

/** An open impersonation session (state per session id). */
interface SessionState {
  readonly until: number;
  readonly startedAt: string;
  readonly startUuid: string;
  readonly engineer: string;
  readonly impersonated?: string;
}

export const SUPPORT_RESET_DEFAULTS: SupportResetParams = { supportActorPattern: SUPPORT_ACTOR_PATTERN, requireNoClientContext: true, impersonationWindowMinutes: 480 };

function resetSubject(e: OktaEvent): Subject {
  const user = e.target('User');
  // No user target (Okta's null target quirk): a subject of its own, so unrelated findings are not grouped under it.
  return user ? userSubject(user) : { type: 'user', id: `event:${e.uuid}`, display: 'an unknown user' };
}

function signal(e: OktaEvent, how: string, extra: Record<string, unknown>, start?: SessionState): Signal {
  const subject = resetSubject(e);
  return {
    subject,
    summary: `Okta Support (${how}): ${RESETS[e.eventType]} for ${subject.display ?? subject.id}`,
    eventUuids: start ? [start.startUuid, e.uuid] : [e.uuid],
    windowStart: start ? start.startedAt : e.published,
    windowEnd: e.published,
    context: { ...actorContext(e), eventType: e.eventType, reset: RESETS[e.eventType], via: how, ...extra },
  };
}

/**
 * Password or MFA resets performed by Okta Support, recognised two ways:
 * - from Okta's support tooling: actor `system@okta.com` with no client context (stateless, keyed by the user);
 * - inside an impersonation session: after `user.session.impersonation.initiate`, until `...end` or the window closes,
 *   resets carrying the same session id (keyed by session, state = the open session).
 */
const detection: Detection<SupportResetParams, SessionState> = {
  id: 'okta-support-credential-reset',
  title: 'Credential reset by Okta Support',
  description:
    'A password or MFA reset (`user.account.reset_password`, `user.mfa.factor.reset_all/deactivate/update`) ' +
    'made by Okta Support: either from its support tooling ' +
    '(actor system@okta.com, no user agent, no geolocation, transaction "unknown") or within an Okta Support impersonation ' +
    'session (same session id as a recent `user.session.impersonation.initiate`). Social-engineered support desks reset ' +
    'MFA for attackers; every support reset should match a ticket the account owner opened. MFA bypasses ' +
    '(`user.mfa.attempt_bypass`) and org-wide factor deactivations (`system.mfa.factor.deactivate`) by Okta Support are ' +
    'reported by okta-mfa-bypass-attempt and okta-mfa-factor-disabled-org-wide, which flag Okta as the actor. A support ' +
    'reset is one behaviour: okta-mfa-factor-reset-by-other\'s finding about the same user when they come back within a ' +
    'day is not raised again.',
  severity: 'high',
  mitre: { tactic: 'Persistence', technique: 'T1098', name: 'Account Manipulation' },
  mode: 'near-time',
  // The same reset is also "reset by someone other than the user" once the user comes back (within its confirmHours,
  // 24 by default): this finding, notified at once, stands for that one.
  subsumes: { detections: ['okta-mfa-factor-reset-by-other'], forMinutes: 24 * 60 },
  eventTypes: [...Object.keys(RESETS), INITIATE, END],
  defaults: SUPPORT_RESET_DEFAULTS,
  stateTtlMinutes: (p) => p.impersonationWindowMinutes,
  key(e, p) {
    if (e.eventType === INITIATE || e.eventType === END) {
      // A session Okta refused (no valid grant) opens nothing: okta-support-impersonation reports the attempt.
      if (e.eventType === INITIATE && !succeeded(e)) return undefined;
      const sid = e.sessionId;
      return sid ? `session:${sid}` : undefined;
    }
    if (!RESETS[e.eventType] || !succeeded(e)) return undefined;
    if (fromSupportTooling(e, p)) return `tooling:${e.target('User')?.id ?? 'org'}`;
    const sid = e.sessionId;
    return sid ? `session:${sid}` : undefined;
  },
  step(state, e, p) {
    if (e.eventType === INITIATE) {
      const impersonated = e.target('User');
      return {
        state: {
          until: e.time + p.impersonationWindowMinutes * 60_000,
          startedAt: e.published,
          startUuid: e.uuid,
          engineer: label(e.actor),
          impersonated: impersonated ? label(impersonated) : undefined,
        },
      };
    }
    if (e.eventType === END) return { state: undefined };
    if (!RESETS[e.eventType] || !succeeded(e)) return { state };
    if (fromSupportTooling(e, p)) return { state: undefined, signal: signal(e, 'support tooling', {}) };
    const open = state && e.time >= Date.parse(state.startedAt) && e.time <= state.until ? state : undefined;
    if (!open) return { state: state && e.time <= state.until ? state : undefined };
    return { state, signal: signal(e, 'impersonation session', { sessionId: e.sessionId, engineer: open.engineer, impersonated: open.impersonated, sessionStartedAt: open.startedAt }, open) };
  },
  status: 'stable',
  falsePositives: [
    'A reset Okta Support made for a ticket the account owner opened',
  ],
  runbook: {
    check: [
      'The support case: who opened it and whether it asked for this reset',
      'What the user did after the reset: enrolled factors, sign-in locations',
    ],
    act: [
      'If there is no matching case: clear the user\'s sessions, reset the factors again yourself, and contact Okta Support through your account team',
    ],
  },
  references: [
    'panther-analysis okta_support_reset (actor system@okta.com, transaction.id "unknown", no user agent, no country)',
    'https://support.okta.com/help/s/article/read-only-impersonation-access-system-logs-audit-events',
  ],
};

export default detection;
