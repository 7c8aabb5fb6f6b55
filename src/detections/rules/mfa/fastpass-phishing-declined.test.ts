import { normalize } from '../../../okta/event';
import { logEvent, person, PLACES, userActor, withQuirks } from '../../../okta/fixtures';
import type { OktaActor, OktaLogEvent } from '../../../okta/log-event';
import { resolveCatalog } from '../../catalog';
import { detectAll } from '../../reorder';
import type { Detection, Params, ParamValue } from '../../types';
import fastpass from './fastpass-phishing-declined';

const ID = 'okta-fastpass-phishing-declined';
const T0 = '2026-11-06T12:00:00Z';
const user = person('yusuf.demir@example.com');

function run(events: OktaLogEvent[], params: Record<string, ParamValue> = {}) {
  const resolved = resolveCatalog({ [ID]: { params } }, [fastpass as unknown as Detection<Params, unknown>]);
  return detectAll(resolved, events.map((e) => normalize(e)));
}

const mfa = (outcome: 'SUCCESS' | 'FAILURE', reason: string | null, actor: OktaActor | undefined = userActor(user)) =>
  logEvent({ eventType: 'user.authentication.auth_via_mfa', at: T0, actor, target: [userActor(user)], place: PLACES.sanFrancisco, outcome, reason, debugData: { factor: 'SIGNED_NONCE' } });

describe('okta-fastpass-phishing-declined', () => {
  it('given a tenant reasonPattern that is not a valid regular expression, when run, then it does not throw and uses the default', () => {
    expect(run([mfa('FAILURE', 'FastPass declined phishing attempt')], { reasonPattern: 'fastpass (declined' })).toHaveLength(1);
    expect(run([mfa('FAILURE', 'Invalid passcode')], { reasonPattern: 'fastpass (declined' })).toHaveLength(0);
  });

  it('given auth_via_mfa FAILURE "FastPass declined phishing attempt", when run, then it raises one high near-time finding', () => {
    const [f, ...rest] = run([mfa('FAILURE', 'FastPass declined phishing attempt')]);
    expect(rest).toHaveLength(0);
    expect(f).toMatchObject({ severity: 'high', mode: 'near-time', technique: 'T1557' });
    expect(f.subject).toMatchObject({ type: 'user', id: user.id });
    expect(f.context).toMatchObject({ factor: 'SIGNED_NONCE' });
  });

  it('given other MFA failures and successes, when run, then it stays quiet', () => {
    expect(run([mfa('FAILURE', 'INVALID_CREDENTIALS'), mfa('SUCCESS', null), mfa('FAILURE', null)])).toHaveLength(0);
  });

  it('given the reason in another case, when run, then it still matches', () => {
    expect(run([mfa('FAILURE', 'FASTPASS DECLINED PHISHING ATTEMPT')])).toHaveLength(1);
  });

  it('given a tenant override of reasonPattern, when run, then the new wording matches and the old one does not', () => {
    expect(run([mfa('FAILURE', 'Okta Verify declined phishing attempt')], { reasonPattern: 'declined phishing' })).toHaveLength(1);
    expect(run([mfa('FAILURE', 'FastPass declined phishing attempt')], { reasonPattern: '^never$' })).toHaveLength(0);
  });

  it('given the actor is not a user but the target is, when run, then the target user is the subject', () => {
    const [f] = run([mfa('FAILURE', 'FastPass declined phishing attempt', { id: '0oa1app', type: 'PublicClientApp', alternateId: 'Okta Dashboard' })]);
    expect(f.subject.id).toBe(user.id);
  });

  it('given quirky events, when run, then it fires without throwing', () => {
    expect(run([withQuirks(mfa('FAILURE', 'FastPass declined phishing attempt'), { nullTarget: true, emptyClient: true, nullSecurity: true, stringDebug: true })])).toHaveLength(1);
  });
});
