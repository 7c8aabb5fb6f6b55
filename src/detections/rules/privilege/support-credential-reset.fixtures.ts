import { minutes } from '../../../okta/fixtures';
import { adminReset, impersonation, SUPPORT_ENGINEER, SUPPORT_SESSION, supportToolReset, VICTIM } from '../../fixture-builders/support';
import { fixtureTable } from '../../fixture-table';
import detection from './support-credential-reset';

const T0 = '2026-11-09T11:00:00Z';

export default fixtureTable(detection, {
  positive: [
    { name: 'password reset from Okta support tooling', events: [supportToolReset('user.account.reset_password', T0, VICTIM)], expect: [{ subject: { type: 'user', id: VICTIM.id } }] },
    { name: 'all factors reset from support tooling', events: [supportToolReset('user.mfa.factor.reset_all', T0, VICTIM)], expect: [{ subject: { type: 'user', id: VICTIM.id } }] },
    {
      name: 'MFA reset inside an Okta Support impersonation session',
      events: [impersonation('initiate', T0), adminReset('user.mfa.factor.reset_all', minutes(T0, 25), VICTIM, { actor: SUPPORT_ENGINEER, sessionId: SUPPORT_SESSION })],
      expect: [{ subject: { type: 'user', id: VICTIM.id }, windowStart: '2026-11-09T11:00:00.000Z', windowEnd: '2026-11-09T11:25:00.000Z' }],
    },
  ],
  negative: [
    { name: 'password reset by a company admin', events: [adminReset('user.account.reset_password', T0, VICTIM)], expect: [] },
    {
      name: 'reset in the same session after the impersonation ended',
      events: [impersonation('initiate', T0), impersonation('end', minutes(T0, 10)), adminReset('user.account.reset_password', minutes(T0, 30), VICTIM, { sessionId: SUPPORT_SESSION })],
      expect: [],
    },
    {
      name: 'reset in another admin session while Okta Support is in the org',
      events: [impersonation('initiate', T0), adminReset('user.account.reset_password', minutes(T0, 15), VICTIM)],
      expect: [],
    },
  ],
});
