import { minutes } from '../../../okta/fixtures';
import { ADMIN } from '../../fixture-builders/admin';
import { impersonation } from '../../fixture-builders/support';
import { fixtureTable } from '../../fixture-table';
import detection from './support-impersonation';

const T0 = '2026-11-08T15:00:00Z';
export default fixtureTable(detection, {
  positive: [
    { name: 'Super Admin grants Okta Support access', events: [impersonation('grant', T0)], expect: [{ subject: { type: 'org', id: 'okta-support-access' } }] },
    { name: 'support engineer signs in with the grant', events: [impersonation('initiate', minutes(T0, 30))], expect: [{ subject: { type: 'user', id: ADMIN.id } }] },
    { name: 'grant and session: two findings (org and impersonated admin)', events: [impersonation('grant', T0), impersonation('initiate', minutes(T0, 20))], expect: [{ subject: { type: 'org', id: 'okta-support-access' } }, { subject: { type: 'user', id: ADMIN.id } }] },
    { name: 'approved grantor still yields the session finding', events: [impersonation('grant', T0), impersonation('initiate', minutes(T0, 20))], expect: [{ subject: { type: 'user', id: ADMIN.id } }], params: { approvedGrantors: [ADMIN.login] } },
    {
      name: 'an Okta Support session that failed (no valid grant)',
      events: [{ ...impersonation('initiate', T0), outcome: { result: 'FAILURE', reason: 'Impersonation grant not active' } }],
      expect: [{ subject: { type: 'user', id: ADMIN.id } }],
    },
    { name: 'a grant refused', events: [{ ...impersonation('grant', T0), outcome: { result: 'DENY', reason: 'Insufficient permissions' } }], expect: [{ subject: { type: 'org', id: 'okta-support-access' } }] },
  ],
  negative: [
    { name: 'a failed session, the tenant turned failures off', events: [{ ...impersonation('initiate', T0), outcome: { result: 'FAILURE', reason: 'Impersonation grant not active' } }], expect: [], params: { includeFailures: false } },
    { name: 'access revoked and session ended', events: [impersonation('revoke', T0), impersonation('end', minutes(T0, 5))], expect: [] },
    { name: 'tenant only wants sessions, not grants', events: [impersonation('grant', T0), impersonation('extend', minutes(T0, 60))], expect: [], params: { stages: ['initiate'] } },
  ],
});
