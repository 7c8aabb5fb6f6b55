import { label, type Party } from '../../../okta/event';
import { succeeded } from '../../kit/admin-change';
import { nonUserTarget } from '../../kit/mfa';
import { fromSupportTooling, isSystemActor } from '../../kit/okta-support';
import { singleEvent } from '../../kit/single-event';
import { userSubject } from '../../kit/subject';

export type FactorResetByOtherParams = {
  /** Actors (login or id) whose resets are expected, e.g. a help-desk automation account. */
  ignoreActors: readonly string[];
};

/** Resets okta-support-credential-reset reports (high, near-time) when Okta's support tooling made them. */
const SUPPORT_REPORTED = new Set(['user.mfa.factor.deactivate', 'user.mfa.factor.reset_all']);

const WHAT: Record<string, string> = {
  'user.mfa.factor.deactivate': 'deactivated a factor of',
  'user.mfa.factor.reset_all': 'reset all factors of',
  'user.mfa.factor.suspend': 'suspended a factor of',
};

/** Whether a party matches one of the given logins or ids (case-insensitive). */
function matchesAny(p: Party | undefined, values: readonly string[]): boolean {
  if (!p || values.length === 0) return false;
  const mine = [p.id, p.alternateId].filter((v): v is string => !!v).map((v) => v.toLowerCase());
  return values.some((v) => mine.includes(v.toLowerCase()));
}

/** Someone other than the user removed, reset or suspended the user's MFA factors. */
export default singleEvent<FactorResetByOtherParams>({
  id: 'okta-mfa-factor-reset-by-other',
  title: "User's MFA factors reset by someone else",
  description:
    "A user's MFA factor was deactivated (`user.mfa.factor.deactivate`), all factors were reset (`user.mfa.factor.reset_all`) or a factor was suspended (`user.mfa.factor.suspend`) by an actor other than the user: an admin, the help desk, an API token or Okta itself. This is the step attackers social-engineer out of help desks (then enrolling their own authenticator), and what a rogue admin does before taking over an account. Self-service changes (actor is the user) are ignored, and so are resets from Okta Support's tooling (system@okta.com with no client context), which okta-support-credential-reset reports.",
  severity: 'medium',
  mitre: { tactic: 'Persistence', technique: 'T1556.006', name: 'Modify Authentication Process: Multi-Factor Authentication' },
  mode: 'hourly',
  eventTypes: Object.keys(WHAT),
  defaults: { ignoreActors: [] },
  match(e, p) {
    const user = e.target('User');
    const actor = e.actor;
    if (!user || !actor || !succeeded(e)) return undefined;
    if (actor.id === user.id || (actor.alternateId && actor.alternateId.toLowerCase() === user.alternateId?.toLowerCase())) return undefined;
    if (matchesAny(actor, p.ignoreActors)) return undefined;
    // Okta Support's tooling (system@okta.com, no client context): one finding, from okta-support-credential-reset.
    if (SUPPORT_REPORTED.has(e.eventType) && fromSupportTooling(e)) return undefined;
    const factor = nonUserTarget(e)?.displayName ?? e.reason;
    const who = isSystemActor(actor) ? 'Okta (system@okta.com)' : label(actor);
    return {
      subject: userSubject(user),
      summary: `${who} ${WHAT[e.eventType]} ${label(user)}${factor && e.eventType !== 'user.mfa.factor.reset_all' ? ` (${factor})` : ''}`,
      context: { eventType: e.eventType, actor: label(actor), actorType: actor.type, factor, reason: e.reason, ip: e.ip, country: e.country, userAgent: e.userAgent },
    };
  },
  references: [
    'Sigma okta_mfa_reset_or_deactivated (user.mfa.factor.deactivate, user.mfa.factor.reset_all)',
    'panther-analysis okta_user_mfa_reset_all, okta_user_mfa_factor_suspend, okta_user_mfa_reset (own reset, info)',
    'Okta customer-detections hunt: Hunt on Factor Resets (cross-tenant impersonation)',
    'Differs: only resets by someone other than the user, with an allow-list for help-desk automation',
  ],
});
