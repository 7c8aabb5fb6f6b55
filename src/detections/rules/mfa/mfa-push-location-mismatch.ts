import { label, type OktaEvent } from '../../../okta/event';
import { haversineKm } from '../../kit/geo';
import { mfaUser } from '../../kit/mfa';
import { userSubject } from '../../kit/subject';
import type { Detection, Signal } from '../../types';

export type PushLocationMismatchParams = {
  /** How long a sent push stays answerable (Okta Verify pushes expire after 5 minutes). */
  windowMinutes: number;
  /** Distance between where the push was requested and where it was approved that makes it a finding. */
  minDistanceKm: number;
  /** Also fire when the two sides are in different countries, however close (catches nearby cross-border proxies; a roaming phone can trip it). */
  countryChange: boolean;
};

/** A push sent and not yet answered: time, uuid, requesting IP, lat, lon (null when unknown), country ('' when unknown). */
type Push = readonly [time: number, uuid: string, ip: string, lat: number | null, lon: number | null, country: string];

export interface PushLocationMismatchState {
  readonly pushes: readonly Push[];
}

const MAX_PUSHES = 50;

export const PUSH_SENT = 'system.push.send_factor_verify_push';
export const AUTH_VIA_MFA = 'user.authentication.auth_via_mfa';

/** `auth_via_mfa` SUCCESS with the Okta Verify push factor: the user tapped "Yes, it's me". */
export function isPushApproval(e: OktaEvent): boolean {
  return e.eventType === AUTH_VIA_MFA && e.outcome === 'SUCCESS' && (e.debug('factor') ?? '').toUpperCase() === 'OKTA_VERIFY_PUSH';
}

function isPushSent(e: OktaEvent): boolean {
  return e.eventType === PUSH_SENT && (e.outcome === undefined || e.outcome === 'SUCCESS');
}

interface Mismatch {
  readonly push: Push;
  readonly km?: number;
}

function compare(push: Push, e: OktaEvent, p: PushLocationMismatchParams): Mismatch | undefined {
  if (!push[2] || !e.ip || push[2] === e.ip) return undefined;
  const km = push[3] !== null && push[4] !== null && e.geo ? haversineKm({ lat: push[3], lon: push[4] }, e.geo) : undefined;
  if (km !== undefined && km >= p.minDistanceKm) return { push, km };
  if (p.countryChange && push[5] && e.country && push[5] !== e.country) return { push, km };
  return undefined;
}

/**
 * An Okta Verify push requested from one place and approved from another, far away: the approver is
 * the real user on their phone, the requester an attacker holding the password (or an AiTM proxy).
 * Per user: sent pushes are remembered for the push lifetime; an approval is compared with each.
 */
const detection: Detection<PushLocationMismatchParams, PushLocationMismatchState> = {
  id: 'okta-mfa-push-location-mismatch',
  title: 'MFA push requested and approved from different places',
  description:
    'An Okta Verify push (`system.push.send_factor_verify_push`, whose client is the browser that requested it) approved within minutes (`user.authentication.auth_via_mfa` SUCCESS, factor OKTA_VERIFY_PUSH) from an IP at least `minDistanceKm` away or in another country. The user approved a sign-in that someone else started elsewhere: the password is known to an attacker who got through MFA by push fatigue or social engineering. Same-IP or nearby approvals (the user\'s laptop and phone at home) are ignored.',
  severity: 'high',
  mitre: { tactic: 'Credential Access', technique: 'T1621', name: 'Multi-Factor Authentication Request Generation' },
  mode: 'near-time',
  eventTypes: [PUSH_SENT, AUTH_VIA_MFA],
  defaults: { windowMinutes: 5, minDistanceKm: 500, countryChange: true },
  stateTtlMinutes: (p) => p.windowMinutes,
  key(e) {
    if (!isPushSent(e) && !isPushApproval(e)) return undefined;
    return mfaUser(e)?.id;
  },
  step(state, e, p) {
    const windowMs = p.windowMinutes * 60_000;
    const all = (state?.pushes ?? []).filter((x) => x[0] > e.time - windowMs);
    if (isPushSent(e)) {
      const push: Push = [e.time, e.uuid, e.ip ?? '', e.geo?.lat ?? null, e.geo?.lon ?? null, e.country ?? ''];
      const pushes = [...all, push].sort((a, b) => a[0] - b[0]);
      return { state: { pushes: pushes.length > MAX_PUSHES ? pushes.slice(pushes.length - MAX_PUSHES) : pushes } };
    }
    // An approval answers the pushes sent before it; those sent after it (late arrivals) stay pending.
    const before = all.filter((x) => x[0] <= e.time);
    const after = all.filter((x) => x[0] > e.time);
    const rest = after.length ? { pushes: after } : undefined;
    const mismatches = before.map((x) => compare(x, e, p)).filter((m): m is Mismatch => m !== undefined);
    if (mismatches.length === 0) return { state: rest };
    const worst = mismatches.reduce((a, b) => ((b.km ?? 0) > (a.km ?? 0) ? b : a));
    const user = mfaUser(e)!;
    const distance = worst.km !== undefined ? `${Math.round(worst.km)} km away` : `in ${e.country ?? 'another country'}`;
    const signal: Signal = {
      subject: userSubject(user),
      summary: `${label(user)} approved an Okta Verify push from ${e.ip}${e.country ? ` (${e.country})` : ''}, ${distance} from where it was requested (${worst.push[2]}${worst.push[5] ? `, ${worst.push[5]}` : ''})`,
      eventUuids: [...mismatches.map((m) => m.push[1]), e.uuid],
      windowStart: new Date(Math.min(...mismatches.map((m) => m.push[0]))).toISOString(),
      windowEnd: e.published,
      context: {
        requestIp: worst.push[2],
        requestCountry: worst.push[5] || undefined,
        approvalIp: e.ip,
        approvalCountry: e.country,
        approvalCity: e.city,
        distanceKm: worst.km !== undefined ? Math.round(worst.km) : undefined,
        pushesPending: before.length,
        approvalUserAgent: e.userAgent,
      },
    };
    return { state: rest, signal };
  },
  status: 'stable',
  falsePositives: [
    'A user on VPN whose sign-in egress is far from their phone',
  ],
  runbook: {
    check: [
      'The two locations and networks',
      'Whether the user expected a push at that time',
    ],
    act: [
      'If not the user: clear the session, reset the password, and enable number challenge',
    ],
  },
  differences: [
    'Keyed by user rather than session, and compares geography (distance / country) instead of bare IP inequality, so a phone on mobile data next to a laptop on Wi-Fi is quiet',
  ],
  references: [
    'Okta customer-detections: Mismatch Between Source and Response for Verify Push Request (system.push.send_factor_verify_push vs auth_via_mfa OKTA_VERIFY_PUSH, by externalSessionId)',
    'Splunk security_content: okta_mismatch_between_source_and_response_for_verify_push_request',
    'Elastic detection-rules: okta_detect_suspicious_push_challenge (push sent then auth_via_mfa within 10 min)',
  ],
};

export default detection;
