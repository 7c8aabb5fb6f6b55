import { label, type OktaEvent, type Party } from '../../../okta/event';
import { DAY, HOUR } from '../../../time';
import { succeeded } from '../../kit/admin-change';
import { nonUserTarget } from '../../kit/mfa';
import { networkOf } from '../../kit/network';
import { fromSupportTooling, isSystemActor } from '../../kit/okta-support';
import { isSuccessfulSignIn, signInUser } from '../../kit/sign-in';
import { userSubject } from '../../kit/subject';
import type { Detection, Signal } from '../../types';

export type FactorResetByOtherParams = {
  /** Actors (login or id) whose resets are expected, e.g. a help-desk automation account. */
  ignoreActors: readonly string[];
  /** How long after a reset the user's next sign-in or enrolment is judged. */
  confirmHours: number;
  /** Days a user's countries and networks are remembered. */
  memoryDays: number;
};

/** Resets okta-support-credential-reset reports (high, near-time) when Okta's support tooling made them. */
const SUPPORT_REPORTED = new Set(['user.mfa.factor.deactivate', 'user.mfa.factor.reset_all']);

const WHAT: Record<string, string> = {
  'user.mfa.factor.deactivate': 'deactivated a factor of',
  'user.mfa.factor.reset_all': 'reset all factors of',
  'user.mfa.factor.suspend': 'suspended a factor of',
};
const ENROL = 'user.mfa.factor.activate';

/** Where a user has been: country ('' when unknown), network ('' when Okta gave no AS information), last seen. */
export type Seen = readonly [country: string, network: string, time: number];
/** A pending reset: time, uuid, what was done (the finding's first sentence), eventType, actor, factor. */
export type PendingReset = readonly [time: number, uuid: string, what: string, eventType: string, actor: string, factor?: string];

export interface FactorResetState {
  readonly seen: readonly Seen[];
  readonly reset?: PendingReset;
}

/** Places one user keeps. */
export const MAX_SEEN = 20;

/** Whether a party matches one of the given logins or ids (case-insensitive). */
function matchesAny(p: Party | undefined, values: readonly string[]): boolean {
  if (!p || values.length === 0) return false;
  const mine = [p.id, p.alternateId].filter((v): v is string => !!v).map((v) => v.toLowerCase());
  return values.some((v) => mine.includes(v.toLowerCase()));
}

/** A reset by someone other than the user, not allow-listed and not from Okta Support's tooling: its user. */
function resetOf(e: OktaEvent, p: FactorResetByOtherParams): Party | undefined {
  if (!WHAT[e.eventType]) return undefined;
  const user = e.target('User');
  const actor = e.actor;
  if (!user || !actor || !succeeded(e)) return undefined;
  if (actor.id === user.id || (actor.alternateId && actor.alternateId.toLowerCase() === user.alternateId?.toLowerCase())) return undefined;
  if (matchesAny(actor, p.ignoreActors)) return undefined;
  // Okta Support's tooling (system@okta.com, no client context): one finding, from okta-support-credential-reset.
  if (SUPPORT_REPORTED.has(e.eventType) && fromSupportTooling(e)) return undefined;
  return user;
}

/** The user back at Okta: a successful sign-in, or a factor they enrolled themselves. */
function returningUser(e: OktaEvent): Party | undefined {
  if (isSuccessfulSignIn(e)) return signInUser(e);
  if (e.eventType === ENROL && succeeded(e) && e.actor?.type === 'User' && e.target('User')?.id === e.actor.id) return e.actor;
  return undefined;
}

/** The network as an AS (organisation or number); undefined when Okta left the AS information out. */
const asNetwork = (e: OktaEvent): string | undefined => {
  const n = networkOf(e);
  return n && !n.startsWith('ip:') ? n : undefined;
};

/**
 * Someone other than the user removed, reset or suspended the user's MFA factors, and the user's next sign-in or
 * enrolment came from a country the user has not been seen in, or through an anonymizer: the help desk was talked
 * into handing the account over.
 */
const detection: Detection<FactorResetByOtherParams, FactorResetState> = {
  id: 'okta-mfa-factor-reset-by-other',
  title: "User's MFA factors reset by someone else, then used from elsewhere",
  description:
    "A user's MFA factor was deactivated (`user.mfa.factor.deactivate`), all factors were reset (`user.mfa.factor.reset_all`) or a factor was suspended (`user.mfa.factor.suspend`) by an actor other than the user (an admin, the help desk, an API token or Okta itself), and the user's next successful sign-in or own factor enrolment (`user.mfa.factor.activate`) within `confirmHours` came from a country the user was not seen in over `memoryDays`, or through a proxy. That is the step attackers social-engineer out of help desks, then enrolling their own authenticator from their own infrastructure. A help desk resets factors every day for people who lost their phone, and they get back in from home or the office: a return from a network or country the user is known in explains the reset, and a user with nothing remembered (a new account, a new tenant's first days) is not judged. Self-service changes (actor is the user) are ignored, and so are resets from Okta Support's tooling (system@okta.com with no client context), which okta-support-credential-reset reports.",
  severity: 'medium',
  mitre: { tactic: 'Persistence', technique: 'T1556.006', name: 'Modify Authentication Process: Multi-Factor Authentication' },
  mode: 'hourly',
  eventTypes: [...Object.keys(WHAT), 'user.session.start', ENROL],
  defaults: { ignoreActors: [], confirmHours: 24, memoryDays: 30 },
  stateTtlMinutes: (p) => (p.memoryDays * DAY) / 60_000,
  key(e, p) {
    return (resetOf(e, p) ?? returningUser(e))?.id;
  },
  step(state, e, p) {
    let seen = (state?.seen ?? []).filter((s) => s[2] > e.time - p.memoryDays * DAY);
    let reset = state?.reset && state.reset[0] > e.time - p.confirmHours * HOUR ? state.reset : undefined;
    const resetUser = resetOf(e, p);
    if (resetUser) {
      const actor = e.actor!;
      const factor = nonUserTarget(e)?.displayName ?? e.reason;
      const who = isSystemActor(actor) ? 'Okta (system@okta.com)' : label(actor);
      const what = `${who} ${WHAT[e.eventType]} ${label(resetUser)}${factor && e.eventType !== 'user.mfa.factor.reset_all' ? ` (${factor})` : ''}`;
      // The first reset of a burst (deactivate then reset_all) is the one the return is judged against.
      reset ??= factor ? [e.time, e.uuid, what, e.eventType, label(actor), factor] : [e.time, e.uuid, what, e.eventType, label(actor)];
      return { state: { seen, reset } };
    }
    const user = returningUser(e)!;
    const country = e.country ?? '';
    const network = asNetwork(e) ?? '';
    let signal: Signal | undefined;
    if (reset && e.time >= reset[0] && (country || network)) {
      const known = (network && seen.some((s) => s[1] === network)) || (country && !e.isProxy && seen.some((s) => s[0] === country));
      if (seen.length && !known) {
        const how = e.eventType === ENROL ? 'enrolled a factor' : 'signed in';
        const where = `${e.isProxy ? 'through a proxy' : 'from'} ${[e.city, e.country].filter(Boolean).join(', ') || e.ip}${e.asOrg ? ` (${e.asOrg})` : ''}`;
        signal = {
          subject: userSubject(user),
          summary: `${reset[2]}; then the user ${how} ${where}, where they had not been seen`,
          eventUuids: [reset[1], e.uuid],
          windowStart: new Date(reset[0]).toISOString(),
          windowEnd: e.published,
          context: {
            eventType: reset[3],
            actor: reset[4],
            factor: reset[5],
            returnedWith: e.eventType,
            ip: e.ip,
            country: e.country,
            asOrg: e.asOrg,
            isProxy: e.isProxy,
            userAgent: e.userAgent,
            knownCountries: [...new Set(seen.map((s) => s[0]).filter(Boolean))],
          },
        };
      }
      reset = undefined;
    }
    if (country || network) seen = [...seen.filter((s) => s[0] !== country || s[1] !== network), [country, network, e.time] as Seen].slice(-MAX_SEEN);
    return { state: { seen, reset }, signal };
  },
  status: 'stable',
  falsePositives: [
    'A traveller who lost their phone abroad and gets it reset by the help desk',
  ],
  runbook: {
    check: [
      'The help-desk ticket for the reset and how the caller was verified',
      'Where the user enrolled the new factor, compared with where they usually are',
    ],
    act: [
      'If the caller cannot be confirmed: suspend the user, clear sessions, reset factors and re-verify identity in person or by video',
    ],
  },
  differences: [
    'Only resets by someone other than the user, with an allow-list for help-desk automation, and only when the user then comes back from a country they were not seen in or through a proxy (a help desk resets factors every day)',
  ],
  references: [
    'Sigma okta_mfa_reset_or_deactivated (user.mfa.factor.deactivate, user.mfa.factor.reset_all)',
    'panther-analysis okta_user_mfa_reset_all, okta_user_mfa_factor_suspend, okta_user_mfa_reset (own reset, info)',
    'Okta customer-detections hunt: Hunt on Factor Resets (cross-tenant impersonation)',
  ],
};

export default detection;
