/** API token LogEvents: target `Token` (id `00T...`), network condition in `debugData.networkConnection`. */
import { userActor } from '../../okta/fixtures';
import type { OktaActor, OktaLogEvent } from '../../okta/log-event';
import { ADMIN, adminEvent } from './admin';

function tokenTarget(name = 'okta-sync', id = '00T1a2b3c4d5e6f7g8h9'): OktaActor {
  return { id, type: 'Token', alternateId: 'unknown', displayName: name, detailEntry: null };
}

export function tokenEvent(s: { eventType?: string; at: string | number; network?: 'ANYWHERE' | 'ZONE'; name?: string; actor?: OktaActor; outcome?: 'SUCCESS' | 'FAILURE' }): OktaLogEvent {
  return adminEvent({
    eventType: s.eventType ?? 'system.api_token.create',
    at: s.at,
    actor: s.actor ?? userActor(ADMIN),
    outcome: s.outcome,
    target: [tokenTarget(s.name)],
    displayMessage: s.eventType === 'system.api_token.update' ? 'Update API token' : 'Create API token',
    debugData: s.network ? { networkConnection: s.network } : {},
    requestUri: '/api/internal/tokens',
  });
}
