import { tokenEvent } from '../../fixture-builders/api-token';
import { fixtureTable } from '../../fixture-table';
import detection from './api-token-unrestricted-network';

const T0 = '2026-11-07T07:55:00Z';
export default fixtureTable(detection, {
  positive: [
    { name: 'token created usable from anywhere', events: [tokenEvent({ at: T0, network: 'ANYWHERE' })], findings: 1 },
    { name: 'token widened to anywhere by an update', events: [tokenEvent({ eventType: 'system.api_token.update', at: T0, network: 'ANYWHERE', name: 'scim-bridge' })], findings: 1 },
  ],
  negative: [
    { name: 'token restricted to network zones', events: [tokenEvent({ at: T0, network: 'ZONE' })], findings: 0 },
    { name: 'network condition not logged', events: [tokenEvent({ at: T0 })], findings: 0 },
    { name: 'exempted token name', events: [tokenEvent({ at: T0, network: 'ANYWHERE', name: 'legacy-hr-sync' })], findings: 0, params: { allowedTokens: ['legacy-hr-sync'] } },
    { name: 'failed creation', events: [tokenEvent({ at: T0, network: 'ANYWHERE', outcome: 'FAILURE' })], findings: 0 },
  ],
});
