import { tokenEvent } from '../../fixture-builders/api-token';
import { fixtureTable } from '../../fixture-table';
import detection from './api-token-unrestricted-network';

const T0 = '2026-11-07T07:55:00Z';
export default fixtureTable(detection, {
  positive: [
    { name: 'token created usable from anywhere', events: [tokenEvent({ at: T0, network: 'ANYWHERE' })], expect: [{ subject: { type: 'token', id: '00T1a2b3c4d5e6f7g8h9' } }] },
    { name: 'token widened to anywhere by an update', events: [tokenEvent({ eventType: 'system.api_token.update', at: T0, network: 'ANYWHERE', name: 'scim-bridge' })], expect: [{ subject: { type: 'token', id: '00T1a2b3c4d5e6f7g8h9' } }] },
  ],
  negative: [
    { name: 'token restricted to network zones', events: [tokenEvent({ at: T0, network: 'ZONE' })], expect: [] },
    { name: 'network condition not logged', events: [tokenEvent({ at: T0 })], expect: [] },
    { name: 'exempted token name', events: [tokenEvent({ at: T0, network: 'ANYWHERE', name: 'legacy-hr-sync' })], expect: [], params: { allowedTokens: ['legacy-hr-sync'] } },
    { name: 'failed creation', events: [tokenEvent({ at: T0, network: 'ANYWHERE', outcome: 'FAILURE' })], expect: [] },
  ],
});
