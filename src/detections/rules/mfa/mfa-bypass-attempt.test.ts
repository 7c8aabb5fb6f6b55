import { normalize } from '../../../okta/event';
import { logEvent, minutes, person, PLACES, userActor, withQuirks } from '../../../okta/fixtures';
import type { OktaLogEvent } from '../../../okta/log-event';
import { detectAll } from '../../reorder';
import type { Detection, Params } from '../../types';
import bypass from './mfa-bypass-attempt';

const T0 = '2026-11-06T09:00:00Z';
const user = person('ines.silva@example.com');

function run(events: OktaLogEvent[]) {
  return detectAll([{ detection: bypass as unknown as Detection<Params, unknown>, params: { ...bypass.defaults } }], events.map((e) => normalize(e)));
}

const attempt = (at: string | number, o: { byOkta?: boolean; outcome?: 'SUCCESS' | 'FAILURE' } = {}) =>
  logEvent({
    eventType: 'user.mfa.attempt_bypass',
    at,
    actor: o.byOkta ? undefined : userActor(user),
    target: [userActor(user)],
    place: PLACES.moscow,
    outcome: o.outcome ?? 'FAILURE',
    reason: o.outcome === 'SUCCESS' ? null : 'INVALID_CREDENTIALS',
    displayMessage: 'Attempt to bypass MFA',
  });

describe('okta-mfa-bypass-attempt', () => {
  it('given a user.mfa.attempt_bypass, when run, then it raises one high near-time finding about the user', () => {
    const [f, ...rest] = run([attempt(T0)]);
    expect(rest).toHaveLength(0);
    expect(f).toMatchObject({ severity: 'high', mode: 'near-time' });
    expect(f.subject).toMatchObject({ type: 'user', id: user.id });
    expect(f.context).toMatchObject({ oktaSupport: false, outcome: 'FAILURE', country: 'Russia' });
  });

  it('given the bypass was made by Okta (system@okta.com), when run, then the finding names Okta as the actor', () => {
    const [f] = run([attempt(T0, { byOkta: true, outcome: 'SUCCESS' })]);
    expect(f.summary).toMatch(/^Okta \(system@okta.com\) attempted to bypass MFA for ines.silva@example.com/);
    expect(f.context).toMatchObject({ oktaSupport: true });
  });

  it('given several attempts for the same user within an hour, when run, then they make one finding', () => {
    expect(run([attempt(T0), attempt(minutes(T0, 5)), attempt(minutes(T0, 40))])).toHaveLength(1);
  });

  it('given quirky events (null target, empty client, null security context), when run, then it still fires on the actor', () => {
    expect(run([withQuirks(attempt(T0), { nullTarget: true, emptyClient: true, nullSecurity: true, stringDebug: true })])).toHaveLength(1);
  });
});
