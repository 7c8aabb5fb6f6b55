import { label, type OktaEvent } from '../../../okta/event';
import { allowListed } from '../../kit/network';
import { OKTA_INTERNAL_KB, oktaInternal } from '../../kit/okta-internal';
import { sessionOf } from '../../kit/session';
import { signInUser } from '../../kit/sign-in';
import { userSubject } from '../../kit/subject';
import { userAgentFamily } from '../../kit/user-agent';
import { MINUTE } from '../../../time';
import type { Detection, Signal } from '../../types';

export type SessionHijackParams = {
  windowMinutes: number;
  /** Distinct source IPs the session must be seen from. */
  minIps: number;
  /** Distinct clients (user agents without version numbers) the session must be seen from. */
  minClients: number;
  /** Tenant networks (IPs/CIDRs) to ignore, e.g. a secure web gateway that rewrites traffic. */
  allowedIps: readonly string[];
  allowedAsOrgs: readonly string[];
  /** Okta's own IPs/CIDRs (its published ranges): events from them are Okta acting in the session, not a second client. */
  oktaIps: readonly string[];
  /** AS organisation, ISP or domain names of Okta's own networks, matched as whole words. */
  oktaAsOrgs: readonly string[];
};

/** One (IP, client) pair seen on the session: last time, IP, client family, AS org, uuid of the last event. */
export type Sighting = readonly [time: number, ip: string, client: string, asOrg: string, uuid: string];

export interface SessionHijackState {
  readonly seen: readonly Sighting[];
  readonly firedAt?: number;
  /** The user, for the finding (events further on in a session do not always name one). */
  readonly user?: { readonly id: string; readonly alternateId?: string; readonly displayName?: string };
  /** The session opened the Okta Admin Console: a stolen admin session. */
  readonly admin?: boolean;
}

/** Distinct (IP, client) pairs one session keeps. */
export const MAX_SIGHTINGS = 64;

const ADMIN_APP = 'user.session.access_admin_app';
const EVENT_TYPES = ['user.session.start', 'user.authentication.sso', 'policy.evaluate_sign_on', ADMIN_APP] as const;

function usable(e: OktaEvent): boolean {
  return e.outcome !== 'FAILURE' && e.outcome !== 'DENY';
}

const detection: Detection<SessionHijackParams, SessionHijackState> = {
  id: 'okta-session-hijack',
  title: 'Okta session used from several IPs and clients',
  description:
    'One Okta session (`authenticationContext.externalSessionId`, or the device token `debugData.dtHash` when there is no session id) used from several source IPs and several different clients (browser or operating system, ignoring version numbers) within a window. A session cookie belongs to one browser: a second client replaying it is a stolen cookie (adversary-in-the-middle phishing, infostealer). A laptop moving from home to the office changes IP and network but not client, and stays quiet. A session that opened the Admin Console (`user.session.access_admin_app`) is an admin\'s: critical. Okta acting in the session from its own infrastructure is not a second client: events of the Admin Console\'s own client (`client.id` okta.b58d5b75-…), with the `Okta-Integrations` user agent, or from Okta\'s networks (`oktaIps`, `oktaAsOrgs`) are left out, as Okta\'s knowledge base explains.',
  severity: 'high',
  severityNote: 'critical when the session opened the Admin Console',
  mitre: { tactic: 'Defense Evasion', technique: 'T1550.004', name: 'Use Alternate Authentication Material: Web Session Cookie' },
  mode: 'hourly',
  eventTypes: EVENT_TYPES,
  defaults: { windowMinutes: 480, minIps: 2, minClients: 2, allowedIps: [], allowedAsOrgs: [], oktaIps: [], oktaAsOrgs: ['okta'] },
  stateTtlMinutes: (p) => p.windowMinutes,
  key(e, p) {
    if (!usable(e) || allowListed(e, p)) return undefined;
    // Okta's own events in the session are no sighting, but an Admin Console access still makes it an admin session.
    if ((!e.ip || !e.userAgent || oktaInternal(e, p)) && e.eventType !== ADMIN_APP) return undefined;
    const sid = sessionOf(e);
    if (sid) return `sid:${sid}`;
    const dt = e.debug('dtHash');
    const user = signInUser(e);
    return dt && user ? `dt:${dt}:${user.id}` : undefined;
  },
  step(state, e, p) {
    const admin = state?.admin === true || e.eventType === ADMIN_APP;
    if (!e.ip || !e.userAgent || oktaInternal(e, p)) return { state: { seen: state?.seen ?? [], firedAt: state?.firedAt, user: state?.user, admin } };
    const from = e.time - p.windowMinutes * MINUTE;
    const client = userAgentFamily(e.userAgent)!;
    const ip = e.ip!;
    const asOrg = e.asOrg ?? '';
    let seen = (state?.seen ?? []).filter((s) => s[0] > from && !(s[1] === ip && s[2] === client));
    seen.push([e.time, ip, client, asOrg, e.uuid]);
    seen.sort((a, b) => a[0] - b[0] || (a[4] < b[4] ? -1 : a[4] > b[4] ? 1 : 0));
    if (seen.length > MAX_SIGHTINGS) seen = seen.slice(seen.length - MAX_SIGHTINGS);
    const actor = signInUser(e);
    const user = actor ? { id: actor.id, alternateId: actor.alternateId, displayName: actor.displayName } : state?.user;
    const firedAt = state?.firedAt !== undefined && state.firedAt > from ? state.firedAt : undefined;
    const next: SessionHijackState = { seen, firedAt, user, ...(admin ? { admin } : {}) };
    const ips = [...new Set(seen.map((s) => s[1]))];
    const clients = [...new Set(seen.map((s) => s[2]))];
    if (firedAt !== undefined || ips.length < p.minIps || clients.length < p.minClients) return { state: next };
    const sessionKey = sessionOf(e) ?? `dtHash ${e.debug('dtHash')}`;
    const who = user ? label(user) : 'an unknown user';
    const signal: Signal = {
      subject: user ? userSubject(user) : { type: 'session', id: sessionKey },
      severity: admin ? 'critical' : undefined,
      summary: `${admin ? 'Admin Console session' : 'Okta session'} of ${who} used from ${ips.length} IPs and ${clients.length} different clients within ${p.windowMinutes} minutes`,
      eventUuids: seen.map((s) => s[4]),
      windowStart: new Date(seen[0][0]).toISOString(),
      windowEnd: e.published,
      context: {
        session: sessionKey,
        adminConsole: admin,
        ips,
        asOrgs: [...new Set(seen.map((s) => s[3]).filter((x) => x))],
        userAgents: clients,
        lastIp: ip,
        lastCountry: e.country,
        lastEventType: e.eventType,
      },
    };
    return { state: { ...next, firedAt: e.time }, signal };
  },
  status: 'stable',
  falsePositives: [
    'A browser whose user agent family changes within a session (rare: a major update, or a privacy extension rewriting it)',
    'Okta\'s own tooling acting in an admin\'s session (Admin Console client, Okta-Integrations user agent, Okta\'s IPs): excluded, see Okta\'s knowledge-base article',
  ],
  runbook: {
    check: [
      'The IPs, networks and clients of the session, in order',
      'What the second client did (apps opened, admin console, factor changes)',
    ],
    act: [
      'Clear the user\'s sessions, reset the password and factors, and check apps the second client opened for their own sessions and tokens',
    ],
  },
  differences: [
    'Keyed by session id (dtHash as fallback), user agents compared without version numbers, sliding window',
  ],
  references: [
    OKTA_INTERNAL_KB,
    'okta/customer-detections suspicious_use_of_an_Okta_Session_Cookie (policy.evaluate_sign_on by dtHash: >1 IP and >1 OS or browser)',
    'panther-analysis okta_potentially_stolen_session (same externalSessionId, new ASN and different user agent; excludes the Admin Console client, citing the knowledge-base article)',
  ],
};

export default detection;
