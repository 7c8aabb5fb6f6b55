import { normalize } from '../../../okta/event';
import { logEvent, minutes, person, userActor, withQuirks } from '../../../okta/fixtures';
import type { OktaLogEvent } from '../../../okta/log-event';
import { detectAll } from '../../reorder';
import type { Detection, Params } from '../../types';
import disabled from './mfa-factor-disabled-org-wide';

const T0 = '2026-11-06T11:00:00Z';
const admin = person('root.admin@example.com');

function run(events: OktaLogEvent[]) {
  return detectAll([{ detection: disabled as unknown as Detection<Params, unknown>, params: { ...disabled.defaults } }], events.map((e) => normalize(e)));
}

const authenticator = (id: string, name: string, at: string | number = T0, outcome: 'SUCCESS' | 'FAILURE' = 'SUCCESS') =>
  logEvent({ eventType: 'security.authenticator.lifecycle.deactivate', at, actor: userActor(admin), target: [{ id, type: 'Authenticator', alternateId: 'unknown', displayName: name }], outcome });

describe('okta-mfa-factor-disabled-org-wide', () => {
  it('given an Identity Engine authenticator deactivated, when run, then it raises one high near-time finding naming it', () => {
    const [f, ...rest] = run([authenticator('aut1ov', 'Okta Verify')]);
    expect(rest).toHaveLength(0);
    expect(f).toMatchObject({ severity: 'high', mode: 'near-time' });
    expect(f.subject).toMatchObject({ type: 'org', display: 'Okta Verify (org-wide)' });
    expect(f.summary).toBe('root.admin@example.com deactivated Okta Verify for the whole org');
  });

  it('given a Classic system.mfa.factor.deactivate without targets, when run, then it still fires', () => {
    expect(run([logEvent({ eventType: 'system.mfa.factor.deactivate', at: T0, actor: userActor(admin), outcome: 'SUCCESS' })])).toHaveLength(1);
  });

  it('given two different authenticators deactivated in the same hour, when run, then each gets its own finding', () => {
    expect(run([authenticator('aut1ov', 'Okta Verify'), authenticator('aut1fido', 'FIDO2 (WebAuthn)', minutes(T0, 2))])).toHaveLength(2);
  });

  it('given a failed deactivation, when run, then it stays quiet', () => {
    expect(run([authenticator('aut1ov', 'Okta Verify', T0, 'FAILURE')])).toHaveLength(0);
  });

  it('given quirky events, when run, then it fires without throwing', () => {
    expect(run([withQuirks(authenticator('aut1ov', 'Okta Verify'), { nullTarget: true, emptyClient: true, nullSecurity: true, stringDebug: true })])).toHaveLength(1);
  });
});
