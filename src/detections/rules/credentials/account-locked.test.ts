import { normalize } from '../../../okta/event';
import { logEvent, minutes, person, PLACES, withQuirks } from '../../../okta/fixtures';
import type { OktaLogEvent } from '../../../okta/log-event';
import { lockout } from '../../fixture-builders/sign-in';
import { detectAll } from '../../reorder';
import type { Detection, Params } from '../../types';
import locked from './account-locked';

const T0 = '2026-11-05T05:10:00Z';
const user = person('nina.sato@example.com');

function run(events: OktaLogEvent[]) {
  return detectAll([{ detection: locked as unknown as Detection<Params, unknown>, params: { ...locked.defaults } }], events.map((e) => normalize(e)));
}

describe('okta-account-locked', () => {
  it('given a user.account.lock event, when run, then it raises one low finding about the locked user', () => {
    const [f, ...rest] = run([lockout(user, T0, { place: PLACES.moscow })]);
    expect(rest).toHaveLength(0);
    expect(f.severity).toBe('low');
    expect(f.mode).toBe('hourly');
    expect(f.subject).toEqual({ type: 'user', id: user.id, display: user.login });
    expect(f.summary).toContain('192.0.2.91');
    expect(f.context).toMatchObject({ lockLimitReached: false, country: 'Russia' });
  });

  it('given user.account.lock.limit, when run, then the finding says Okta stopped auto-unlocking', () => {
    const [f] = run([lockout(user, T0, { limit: true })]);
    expect(f.summary).toMatch(/no longer unlocks/);
    expect(f.context).toMatchObject({ lockLimitReached: true });
  });

  it('given the locked user is only in the target (system actor), when run, then the target is the subject', () => {
    const e = logEvent({ eventType: 'user.account.lock', at: T0, target: [{ id: user.id, type: 'User', alternateId: user.login, displayName: user.name }], outcome: 'FAILURE', reason: 'LOCKED_OUT' });
    expect(run([e])[0].subject.id).toBe(user.id);
  });

  it('given the same user is locked out twice in one hour, when run, then it raises one finding; in two hours, two', () => {
    expect(run([lockout(user, T0), lockout(user, minutes(T0, 30))])).toHaveLength(1);
    expect(run([lockout(user, T0), lockout(user, minutes(T0, 70))])).toHaveLength(2);
  });

  it('given a lockout with null target, empty client and string debug data, when run, then it still fires on the actor', () => {
    expect(run([withQuirks(lockout(user, T0), { nullTarget: true, emptyClient: true, nullSecurity: true, stringDebug: true })])).toHaveLength(1);
  });

  it('given a lock event with no user anywhere, when run, then it stays quiet', () => {
    expect(run([logEvent({ eventType: 'user.account.lock', at: T0, target: null })])).toHaveLength(0);
  });
});
