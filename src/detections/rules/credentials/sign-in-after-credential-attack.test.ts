import { normalize } from '../../../okta/event';
import { minutes, person, PLACES, withQuirks } from '../../../okta/fixtures';
import type { OktaLogEvent } from '../../../okta/log-event';
import { resolveCatalog } from '../../catalog';
import { failedSignIn, SCRIPT_UA, signIn, unknownUserSignIn } from '../../fixture-builders/sign-in';
import { detectAll } from '../../reorder';
import type { Detection, Params, ParamValue } from '../../types';
import detection from './sign-in-after-credential-attack';

const ID = 'okta-sign-in-after-credential-attack';
const T0 = '2026-11-05T04:00:00Z';
const at = (n: number) => minutes(T0, n);
const victim = person('ravi.patel@example.com');
const other = person('someone.else@example.com');
const attacker = { place: PLACES.lagos, userAgent: SCRIPT_UA };

function run(events: OktaLogEvent[], params: Record<string, ParamValue> = {}) {
  const resolved = resolveCatalog({ [ID]: { params } }, [detection as unknown as Detection<Params, unknown>]);
  return detectAll(resolved, events.map((e) => normalize(e)));
}

const failures = (n: number, start = 0, o = attacker) => Array.from({ length: n }, (_, i) => failedSignIn(victim, at(start + i), 'INVALID_CREDENTIALS', o));

describe('okta-sign-in-after-credential-attack', () => {
  it('given 4 failures from one IP (minFailures - 1) then a success, when run, then it stays quiet', () => {
    expect(run([...failures(4), signIn(victim, at(5), attacker)])).toHaveLength(0);
  });

  it('given 5 failures then a success, when run, then it raises one high finding about the user', () => {
    const [f, ...rest] = run([...failures(5), signIn(victim, at(6), attacker)]);
    expect(rest).toHaveLength(0);
    expect(f.severity).toBe('high');
    expect(f.subject).toMatchObject({ type: 'user', id: victim.id, display: victim.login });
    expect(f.eventUuids).toHaveLength(6);
    expect(f.context).toMatchObject({ failedSignIns: 5, successFromAttackIp: true });
    expect(f.triggeredAt).toBe(new Date(at(6)).toISOString());
  });

  it('given a user mistyped 1, 2 or 3 times and then got in, when run, then it stays quiet', () => {
    for (const n of [1, 2, 3]) expect(run([...failures(n, 0, { place: PLACES.sanFrancisco, userAgent: SCRIPT_UA }), signIn(victim, at(4))])).toHaveLength(0);
  });

  it('given the earliest of 5 failures exactly one lookback (60 min) before the success, when run, then it stays quiet', () => {
    const events = [failedSignIn(victim, at(0), 'INVALID_CREDENTIALS', attacker), ...failures(4, 50), signIn(victim, at(60), attacker)];
    expect(run(events)).toHaveLength(0);
    events[0] = failedSignIn(victim, at(0.1), 'INVALID_CREDENTIALS', attacker);
    expect(run(events)).toHaveLength(1);
  });

  it('given one failure each from 2 IPs (minFailureIps - 1), when the success follows, then it stays quiet; from 3 IPs it fires', () => {
    const two = [failedSignIn(victim, at(0), 'INVALID_CREDENTIALS', { place: PLACES.moscow }), failedSignIn(victim, at(5), 'INVALID_CREDENTIALS', { place: PLACES.lagos }), signIn(victim, at(10), { place: PLACES.lagos })];
    expect(run(two)).toHaveLength(0);
    const three = [failedSignIn(victim, at(-5), 'INVALID_CREDENTIALS', { place: PLACES.berlin }), ...two];
    expect(run(three)).toHaveLength(1);
  });

  it('given a single failure ThreatInsight flagged (threatSuspected, sent as the string "true"), when the success follows, then it fires', () => {
    const flagged = withQuirks(failedSignIn(victim, at(0), 'INVALID_CREDENTIALS', { ...attacker, threatSuspected: true }), { stringDebug: true });
    expect(flagged.debugContext?.debugData?.threatSuspected).toBe('true');
    expect(run([flagged, signIn(victim, at(20))])).toHaveLength(1);
  });

  it('given the tenant turns threatSuspectedCounts off, when a flagged failure precedes a success, then it stays quiet', () => {
    const events = [failedSignIn(victim, at(0), 'INVALID_CREDENTIALS', { ...attacker, threatSuspected: true }), signIn(victim, at(20))];
    expect(run(events, { threatSuspectedCounts: false })).toHaveLength(0);
  });

  it('given tenant overrides minFailures 3 and lookbackMinutes 10, when run, then they apply', () => {
    expect(run([...failures(3), signIn(victim, at(4), attacker)], { minFailures: 3 })).toHaveLength(1);
    expect(run([...failures(5), signIn(victim, at(20), attacker)], { lookbackMinutes: 10 })).toHaveLength(0);
  });

  it('given each success clears the failures before it, when a user mistypes 3 times twice with a success in between, then it stays quiet', () => {
    const events = [...failures(3, 0, { place: PLACES.sanFrancisco, userAgent: SCRIPT_UA }), signIn(victim, at(4)), ...failures(3, 10, { place: PLACES.sanFrancisco, userAgent: SCRIPT_UA }), signIn(victim, at(14))];
    expect(run(events)).toHaveLength(0);
  });

  it('given it fired, when the user signs in again shortly after, then it does not fire twice', () => {
    expect(run([...failures(6), signIn(victim, at(7), attacker), signIn(victim, at(9))])).toHaveLength(1);
  });

  it('given the events arrive shuffled (success listed first), when run, then event-time order is restored and it fires', () => {
    const events = [signIn(victim, at(8), attacker), ...failures(6).reverse()];
    expect(run(events)).toHaveLength(1);
  });

  it('given the failures come after the success in event time, when run, then it stays quiet', () => {
    expect(run([signIn(victim, at(0), attacker), ...failures(6, 1)])).toHaveLength(0);
  });

  it('given brute force against another user, when the victim signs in, then it stays quiet', () => {
    const events = [...Array.from({ length: 6 }, (_, i) => failedSignIn(other, at(i), 'INVALID_CREDENTIALS', attacker)), signIn(victim, at(7), attacker)];
    expect(run(events)).toHaveLength(0);
  });

  it('given failures for unknown usernames, when run, then they are ignored without throwing', () => {
    const events = [...Array.from({ length: 6 }, (_, i) => unknownUserSignIn(victim.login.toUpperCase(), at(i), attacker)), signIn(victim, at(7), attacker)];
    expect(run(events)).toHaveLength(0);
  });
});
