import { normalize } from '../../../okta/event';
import { logEvent, person, userActor } from '../../../okta/fixtures';
import type { OktaLogEvent } from '../../../okta/log-event';
import { resolveCatalog } from '../../catalog';
import { detectAll } from '../../reorder';
import type { Detection, Params, ParamValue } from '../../types';
import granted from './admin-role-granted';

const ID = 'okta-admin-role-granted';
const T0 = '2026-11-02T14:22:10Z';
const admin = person('it.admin@example.com');
const grantee = person('sam.ortiz@example.com');

function run(events: OktaLogEvent[], params: Record<string, ParamValue> = {}) {
  const resolved = resolveCatalog({ [ID]: { params } }, [granted as unknown as Detection<Params, unknown>]);
  return detectAll(resolved, events.map((e) => normalize(e)));
}

const grant = (privilegeGranted: string, outcome: 'SUCCESS' | 'FAILURE' | 'DENY' = 'SUCCESS') =>
  logEvent({
    eventType: 'user.account.privilege.grant',
    at: T0,
    actor: userActor(admin),
    target: [{ id: grantee.id, type: 'User', alternateId: grantee.login, displayName: grantee.name, detailEntry: null }],
    outcome,
    reason: outcome === 'SUCCESS' ? null : 'Insufficient permissions',
    displayMessage: 'Grant user privilege',
    debugData: { privilegeGranted },
  });

describe('okta-admin-role-granted', () => {
  it('given a Super administrator grant, when run, then one high near-time finding about the grantee', () => {
    const [f, ...rest] = run([grant('Super administrator')]);
    expect(rest).toHaveLength(0);
    expect(f).toMatchObject({ severity: 'high', mode: 'near-time' });
    expect(f.subject).toMatchObject({ type: 'user', id: grantee.id });
  });

  it('given a grant Okta refused (FAILURE or DENY), when run, then quiet: nothing was granted', () => {
    expect(run([grant('Super administrator', 'FAILURE')])).toHaveLength(0);
    expect(run([grant('Super administrator', 'DENY')])).toHaveLength(0);
  });

  it('given a tenant adminRolePattern that is not a valid regular expression, when run, then it does not throw and uses the default', () => {
    expect(run([grant('Super administrator')], { adminRolePattern: '(super' })).toHaveLength(1);
    expect(run([grant('Report viewer')], { adminRolePattern: '(super' })).toHaveLength(0);
  });

  it('given a tenant pattern, when run, then it replaces the default', () => {
    expect(run([grant('Report viewer')], { adminRolePattern: 'viewer' })).toHaveLength(1);
  });
});
