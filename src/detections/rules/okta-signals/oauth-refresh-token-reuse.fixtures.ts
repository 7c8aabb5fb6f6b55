import { logEvent, minutes, person, PLACES } from '../../../okta/fixtures';
import type { OktaActor } from '../../../okta/log-event';
import { fixtureTable } from '../../fixture-table';
import detection from './oauth-refresh-token-reuse';

const user = person('ethan.brooks@example.com');
const T0 = '2026-11-14T21:05:00Z';
export const SPA: OktaActor = { id: '0oa1expensespa000001', type: 'PublicClientApp', alternateId: 'Expenses SPA', displayName: 'Expenses SPA', detailEntry: null };

export const reuse = (eventType: string, at: number, opts: { actor?: OktaActor; target?: OktaActor[] | null } = {}) =>
  logEvent({
    eventType,
    at,
    actor: opts.actor ?? SPA,
    target:
      opts.target === undefined
        ? [
            { id: user.id, type: 'User', alternateId: user.login, displayName: user.name, detailEntry: null },
            { id: 'aus1customauthserver1', type: 'AuthorizationServer', alternateId: 'default', displayName: 'default', detailEntry: null },
          ]
        : opts.target,
    place: PLACES.moscow,
    severity: 'WARN',
    outcome: 'FAILURE',
    displayMessage: 'Token Reuse',
    debugData: { grantType: 'refresh_token', requestUri: '/oauth2/default/v1/token' },
  });

export default fixtureTable(detection, {
  positive: [
    { name: 'custom authorization server', events: [reuse('app.oauth2.as.token.detect_reuse', minutes(T0, 0))], expect: [{ subject: { type: 'user', id: user.id } }] },
    { name: 'org authorization server', events: [reuse('app.oauth2.token.detect_reuse', minutes(T0, 0))], expect: [{ subject: { type: 'user', id: user.id } }] },
    { name: 'no user in the event: the client is the subject', events: [reuse('app.oauth2.as.token.detect_reuse', minutes(T0, 0), { target: null })], expect: [{ subject: { type: 'app', id: '0oa1expensespa000001' } }] },
  ],
  negative: [
    { name: 'a client the tenant knows retries on flaky networks', events: [reuse('app.oauth2.as.token.detect_reuse', minutes(T0, 0))], expect: [], params: { allowedClients: ['expenses spa'] } },
    {
      name: 'an ordinary token grant',
      events: [logEvent({ eventType: 'app.oauth2.as.token.grant.refresh_token', at: minutes(T0, 0), actor: SPA, place: PLACES.sanFrancisco, debugData: { grantType: 'refresh_token' } })],
      expect: [],
    },
  ],
});
