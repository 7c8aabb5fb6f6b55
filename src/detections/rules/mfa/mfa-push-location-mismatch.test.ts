import { normalize } from '../../../okta/event';
import { logEvent, minutes, person, PLACES, userActor, withQuirks } from '../../../okta/fixtures';
import type { OktaLogEvent } from '../../../okta/log-event';
import { resolveCatalog } from '../../catalog';
import { pushAnswered, pushSent } from '../../fixture-builders/mfa';
import { detectAll } from '../../reorder';
import type { Detection, Params, ParamValue } from '../../types';
import mismatch from './mfa-push-location-mismatch';

const ID = 'okta-mfa-push-location-mismatch';
const T0 = '2026-11-06T08:00:00Z';
const at = (n: number) => minutes(T0, n);
const user = person('leo.martin@example.com');
const other = person('zoe.white@example.com');

function run(events: OktaLogEvent[], params: Record<string, ParamValue> = {}) {
  const resolved = resolveCatalog({ [ID]: { params } }, [mismatch as unknown as Detection<Params, unknown>]);
  return detectAll(resolved, events.map((e) => normalize(e)));
}

describe('okta-mfa-push-location-mismatch', () => {
  it('given a push requested from Moscow and approved from San Francisco, when run, then it raises one high near-time finding', () => {
    const [f, ...rest] = run([pushSent(user, at(0), PLACES.moscow), pushAnswered(user, at(1), PLACES.sanFrancisco)]);
    expect(rest).toHaveLength(0);
    expect(f).toMatchObject({ severity: 'high', mode: 'near-time', technique: 'T1621' });
    expect(f.subject).toMatchObject({ type: 'user', id: user.id });
    expect(f.context).toMatchObject({ requestIp: PLACES.moscow.ip, approvalIp: PLACES.sanFrancisco.ip, requestCountry: 'Russia', approvalCountry: 'United States' });
    expect(f.context!.distanceKm as number).toBeGreaterThan(9000);
    expect(f.eventUuids).toHaveLength(2);
  });

  it('given the approval comes exactly when the push expires (5 min), when run, then it stays quiet; just before, it fires', () => {
    expect(run([pushSent(user, at(0), PLACES.moscow), pushAnswered(user, at(5), PLACES.sanFrancisco)])).toHaveLength(0);
    expect(run([pushSent(user, at(0), PLACES.moscow), pushAnswered(user, at(4.9), PLACES.sanFrancisco)])).toHaveLength(1);
  });

  it('given two places in the same country 4100 km apart, when the tenant sets minDistanceKm above that, then it stays quiet', () => {
    const events = [pushSent(user, at(0), PLACES.newYork), pushAnswered(user, at(1), PLACES.sanFrancisco)];
    expect(run(events)).toHaveLength(1);
    expect(run(events, { minDistanceKm: 5000 })).toHaveLength(0);
  });

  it('given Amsterdam to Berlin (577 km, two countries), when minDistanceKm is 600, then only the country change fires it', () => {
    const events = [pushSent(user, at(0), PLACES.torExit), pushAnswered(user, at(1), PLACES.berlin)];
    expect(run(events, { minDistanceKm: 600 })).toHaveLength(1);
    expect(run(events, { minDistanceKm: 600, countryChange: false })).toHaveLength(0);
    expect(run(events, { minDistanceKm: 500, countryChange: false })).toHaveLength(1);
  });

  it('given the same IP on both sides (laptop and phone on home Wi-Fi), when run, then it stays quiet', () => {
    expect(run([pushSent(user, at(0), PLACES.sanFrancisco), pushAnswered(user, at(0.2), PLACES.sanFrancisco)])).toHaveLength(0);
  });

  it('given the approval is listed before the push (out-of-order delivery), when run, then event-time order is restored and it fires', () => {
    expect(run([pushAnswered(user, at(1), PLACES.sanFrancisco), pushSent(user, at(0), PLACES.moscow)])).toHaveLength(1);
  });

  it('given the push was sent after the approval in event time, when run, then it stays quiet', () => {
    expect(run([pushAnswered(user, at(0), PLACES.sanFrancisco), pushSent(user, at(0.5), PLACES.moscow)])).toHaveLength(0);
  });

  it('given an approval consumed the pending pushes, when a second approval follows with no new push, then there is no second finding', () => {
    const events = [pushSent(user, at(0), PLACES.moscow), pushAnswered(user, at(1), PLACES.sanFrancisco), pushAnswered(user, at(2), PLACES.sanFrancisco)];
    expect(run(events)).toHaveLength(1);
  });

  it('given the far push was for another user, when this user approves their own local push, then it stays quiet', () => {
    expect(run([pushSent(other, at(0), PLACES.moscow), pushSent(user, at(0.5), PLACES.sanFrancisco), pushAnswered(user, at(1), PLACES.sanFrancisco)])).toHaveLength(0);
  });

  it('given a TOTP success (not a push), when run, then it stays quiet', () => {
    const totp = logEvent({ eventType: 'user.authentication.auth_via_mfa', at: at(1), actor: userActor(user), place: PLACES.sanFrancisco, outcome: 'SUCCESS', debugData: { factor: 'OKTA_VERIFY_TOTP' } });
    expect(run([pushSent(user, at(0), PLACES.moscow), totp])).toHaveLength(0);
  });

  it('given string debug data, when run, then the factor is still recognised', () => {
    expect(run([pushSent(user, at(0), PLACES.moscow), withQuirks(pushAnswered(user, at(1), PLACES.sanFrancisco), { stringDebug: true })])).toHaveLength(1);
  });

  it('given an approval with an empty client (no IP, no geo), when run, then it stays quiet without throwing', () => {
    expect(run([pushSent(user, at(0), PLACES.moscow), withQuirks(pushAnswered(user, at(1), PLACES.sanFrancisco))])).toHaveLength(0);
  });
});
