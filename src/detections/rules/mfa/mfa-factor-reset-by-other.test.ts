import { normalize } from '../../../okta/event';
import { logEvent, minutes, person, PLACES, userActor, withQuirks } from '../../../okta/fixtures';
import type { OktaActor, OktaLogEvent } from '../../../okta/log-event';
import { resolveCatalog } from '../../catalog';
import { signIn } from '../../fixture-builders/sign-in';
import { detectAll } from '../../reorder';
import type { Detection, Params, ParamValue } from '../../types';
import reset from './mfa-factor-reset-by-other';

const ID = 'okta-mfa-factor-reset-by-other';
const T0 = '2026-11-06T10:00:00Z';
const user = person('aiko.tanaka@example.com');
const admin = person('helpdesk.jane@example.com');

/** The user signed in from San Francisco the day before. */
const before = signIn(user, minutes(T0, -24 * 60), { place: PLACES.sanFrancisco });
/** ...and signs in from Lagos, never seen, half an hour after the reset. */
const lagos = signIn(user, minutes(T0, 30), { place: PLACES.lagos, sessionId: 'idxLagos000000000001' });

/** The detection over the user's known sign-in, the events, and the user's return from Lagos. */
function run(events: OktaLogEvent[], params: Record<string, ParamValue> = {}, back: OktaLogEvent = lagos) {
  const resolved = resolveCatalog({ [ID]: { params } }, [reset as unknown as Detection<Params, unknown>]);
  return detectAll(resolved, [before, ...events, back].map((e) => normalize(e)));
}

const change = (eventType: string, actor: OktaActor = userActor(admin), outcome: 'SUCCESS' | 'FAILURE' = 'SUCCESS') =>
  logEvent({ eventType, at: T0, actor, target: [userActor(user)], outcome, reason: eventType === 'user.mfa.factor.deactivate' ? 'User reset OKTA_VERIFY_PUSH factor' : null });

describe('okta-mfa-factor-reset-by-other', () => {
  it.each(['user.mfa.factor.deactivate', 'user.mfa.factor.reset_all', 'user.mfa.factor.suspend'])('given %s by a help-desk admin, when run, then it raises one medium finding about the user', (type) => {
    const [f, ...rest] = run([change(type)]);
    expect(rest).toHaveLength(0);
    expect(f.severity).toBe('medium');
    expect(f.subject).toMatchObject({ type: 'user', id: user.id });
    expect(f.context).toMatchObject({ eventType: type, actor: admin.login });
  });

  it('given the user resets their own factor, when run, then it stays quiet', () => {
    expect(run([change('user.mfa.factor.deactivate', userActor(user))])).toHaveLength(0);
  });

  it('given the reset was made by Okta itself (system@okta.com), when run, then it fires and names Okta', () => {
    const okta: OktaActor = { id: '0oa1systemprincipal', type: 'SystemPrincipal', alternateId: 'system@okta.com', displayName: 'Okta System', detailEntry: null };
    const [f] = run([change('user.mfa.factor.reset_all', okta)]);
    expect(f.summary).toMatch(/^Okta \(system@okta.com\) reset all factors of aiko.tanaka@example.com; then the user signed in from Lagos, Nigeria/);
  });

  it('given a tenant ignoreActors override naming the help-desk automation, when it resets factors, then it stays quiet (matched case-insensitively, by login or id)', () => {
    expect(run([change('user.mfa.factor.reset_all')], { ignoreActors: ['HelpDesk.Jane@example.com'] })).toHaveLength(0);
    expect(run([change('user.mfa.factor.reset_all')], { ignoreActors: [admin.id] })).toHaveLength(0);
    expect(run([change('user.mfa.factor.reset_all')], { ignoreActors: ['someone.else@example.com'] })).toHaveLength(1);
  });

  it('given a failed reset, when run, then it stays quiet', () => {
    expect(run([change('user.mfa.factor.reset_all', userActor(admin), 'FAILURE')])).toHaveLength(0);
  });

  it('given a null target (the user is unknown), when run, then it stays quiet without throwing', () => {
    expect(run([withQuirks(change('user.mfa.factor.reset_all'), { nullTarget: true, emptyClient: true, nullSecurity: true, stringDebug: true })])).toHaveLength(0);
  });

  it('given deactivate and reset_all for the same user in one hour, when run, then they make one finding', () => {
    expect(run([change('user.mfa.factor.deactivate'), change('user.mfa.factor.reset_all')])).toHaveLength(1);
  });
});
