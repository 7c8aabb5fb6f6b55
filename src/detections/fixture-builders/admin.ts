/**
 * LogEvent builders for admin-console changes (zones, IdPs, roles, log streams, tokens) by the people below, for
 * fixtures and tests. Target shapes follow the System Log: the changed object first, `detailEntry` where Okta fills
 * it, and `changeDetails.{from,to}` on the changed target for updates.
 */
import { logEvent, person, type Place, PLACES, userActor } from '../../okta/fixtures';
import type { OktaActor, OktaLogEvent } from '../../okta/log-event';

export const ADMIN = person('it.admin@example.com', 'IT Admin');
export const ROGUE = person('j.doe.admin@example.com', 'J Doe');
export const AUTOMATION = person('svc-terraform@example.com', 'Terraform');

/** A target carrying `changeDetails`, typed as a plain target (the field is not in the documented schema). */
export function changedTarget(t: OktaActor, from: Record<string, unknown>, to: Record<string, unknown>): OktaActor {
  return { ...t, changeDetails: { from, to } } as OktaActor;
}

export interface AdminEventSpec {
  readonly eventType: string;
  readonly at: string | number;
  readonly target?: OktaActor[] | null;
  readonly actor?: OktaActor;
  readonly place?: Place;
  readonly outcome?: 'SUCCESS' | 'FAILURE' | 'DENY';
  readonly debugData?: Record<string, unknown>;
  readonly displayMessage?: string;
  readonly requestUri?: string;
  readonly sessionId?: string;
}

/** An admin action from the Admin Console by {@link ADMIN} unless told otherwise. */
export function adminEvent(s: AdminEventSpec): OktaLogEvent {
  const uri = s.requestUri ?? '/api/v1/admin';
  return logEvent({
    eventType: s.eventType,
    at: s.at,
    actor: s.actor ?? userActor(ADMIN),
    target: s.target,
    place: s.place ?? PLACES.sanFrancisco,
    outcome: s.outcome ?? 'SUCCESS',
    displayMessage: s.displayMessage ?? s.eventType,
    sessionId: s.sessionId ?? '102AbCdEfGhIjKlMnOpQrStU',
    debugData: { requestUri: uri, url: `${uri}?`, ...s.debugData },
  });
}
