import { userActor } from '../../../okta/fixtures';
import { AUTOMATION } from '../../fixture-builders/admin';
import { tokenEvent } from '../../fixture-builders/api-token';
import { fixtureTable } from '../../fixture-table';
import detection from './api-token-created';

const T0 = '2026-11-07T07:50:00Z';
type P = { allowedActors: readonly string[]; includeUnrestricted: boolean };

export default fixtureTable<P>(detection, {
  positive: [
    { name: 'token restricted to a zone', events: [tokenEvent({ at: T0, network: 'ZONE' })], expect: [{ subject: { type: 'token', id: '00T1a2b3c4d5e6f7g8h9' } }] },
    { name: 'token whose network condition Okta did not log', events: [tokenEvent({ at: T0 })], expect: [{ subject: { type: 'token', id: '00T1a2b3c4d5e6f7g8h9' } }] },
    { name: 'unrestricted token when the tenant includes them here', events: [tokenEvent({ at: T0, network: 'ANYWHERE' })], expect: [{ subject: { type: 'token', id: '00T1a2b3c4d5e6f7g8h9' } }], params: { includeUnrestricted: true } },
  ],
  negative: [
    { name: 'unrestricted token (reported by okta-api-token-unrestricted-network)', events: [tokenEvent({ at: T0, network: 'ANYWHERE' })], expect: [] },
    { name: 'token minted by the allow-listed integration owner', events: [tokenEvent({ at: T0, network: 'ZONE', actor: userActor(AUTOMATION) })], expect: [], params: { allowedActors: [AUTOMATION.login] } },
    { name: 'token updated (not a creation)', events: [tokenEvent({ eventType: 'system.api_token.update', at: T0, network: 'ZONE' })], expect: [] },
  ],
});
