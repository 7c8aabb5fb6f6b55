import { normalize } from '../../../okta/event';
import { minutes, person, PLACES, withQuirks } from '../../../okta/fixtures';
import type { OktaLogEvent } from '../../../okta/log-event';
import { resolveCatalog } from '../../catalog';
import { failedSignIn, signIn, unknownUserSignIn } from '../../fixture-builders/sign-in';
import { detectAll } from '../../reorder';
import type { Detection, Params, ParamValue } from '../../types';
import spray from './password-spray-ip';

const ID = 'okta-password-spray-ip';
const T0 = '2026-11-05T01:00:00Z';
const at = (n: number) => minutes(T0, n);
const staff = Array.from({ length: 40 }, (_, i) => person(`sprayed${i}@example.com`));
const attacker = { place: PLACES.lagos };

function run(events: OktaLogEvent[], params: Record<string, ParamValue> = {}) {
  const resolved = resolveCatalog({ [ID]: { params } }, [spray as unknown as Detection<Params, unknown>]);
  return detectAll(resolved, events.map((e) => normalize(e)));
}

/** One failed sign-in per account from the attacker IP, `spacing` minutes apart. */
const spray1 = (n: number, spacing = 3, offset = 0) => staff.slice(offset, offset + n).map((p, i) => failedSignIn(p, at(i * spacing), 'INVALID_CREDENTIALS', attacker));

describe('okta-password-spray-ip', () => {
  it('given 9 accounts failing once from one IP (threshold - 1), when run, then it stays quiet', () => {
    expect(run(spray1(9))).toHaveLength(0);
  });

  it('given 10 accounts failing once from one IP, when run, then it raises one finding about that IP', () => {
    const [f, ...rest] = run(spray1(10));
    expect(rest).toHaveLength(0);
    expect(f.subject).toMatchObject({ type: 'ip', id: PLACES.lagos.ip });
    expect(f.eventUuids).toHaveLength(10);
    expect(f.context).toMatchObject({ accounts: 10, failedSignIns: 10 });
    expect(f.windowStart).toBe(new Date(at(0)).toISOString());
  });

  it('given the first of 10 failures exactly one window before the 10th, when run, then it stays quiet', () => {
    const events = spray1(9, 5);
    events.push(failedSignIn(staff[9], at(60), 'INVALID_CREDENTIALS', attacker));
    expect(run(events)).toHaveLength(0);
  });

  it('given the first of 10 failures just inside the window, when run, then it fires', () => {
    const events = spray1(9, 5);
    events.push(failedSignIn(staff[9], at(59.9), 'INVALID_CREDENTIALS', attacker));
    expect(run(events)).toHaveLength(1);
  });

  it('given 10 accounts tried 5 times each (maxAttemptsPerUser), when run, then it fires', () => {
    const events = staff.slice(0, 10).flatMap((p, i) => [0, 1, 2, 3, 4].map((t) => failedSignIn(p, at(i * 5 + t * 0.5), 'INVALID_CREDENTIALS', attacker)));
    expect(run(events)).toHaveLength(1);
  });

  it('given 10 accounts tried 6 times each, when run, then it stays quiet (brute force, not spray)', () => {
    const events = staff.slice(0, 10).flatMap((p, i) => [0, 1, 2, 3, 4, 5].map((t) => failedSignIn(p, at(i * 5 + t * 0.5), 'INVALID_CREDENTIALS', attacker)));
    expect(run(events)).toHaveLength(0);
  });

  it('given one of 10 accounts then signs in successfully from the same IP, when run, then its failure is forgotten and it stays quiet', () => {
    const events = spray1(10);
    events.splice(5, 0, signIn(staff[0], at(14), attacker));
    expect(run(events)).toHaveLength(0);
  });

  it('given the success comes from another IP, when run, then the failure still counts and it fires', () => {
    const events = spray1(10);
    events.splice(5, 0, signIn(staff[0], at(14), { place: PLACES.sanFrancisco }));
    expect(run(events)).toHaveLength(1);
  });

  it('given a tenant override minUsers 5, when 5 accounts fail, then it fires', () => {
    expect(run(spray1(5))).toHaveLength(0);
    expect(run(spray1(5), { minUsers: 5 })).toHaveLength(1);
  });

  it('given a tenant override windowMinutes 20, when 10 failures spread over 27 minutes, then it stays quiet', () => {
    expect(run(spray1(10), { windowMinutes: 20 })).toHaveLength(0);
    expect(run(spray1(10, 2), { windowMinutes: 20 })).toHaveLength(1);
  });

  it('given unknown usernames, when run with defaults, then they do not count; when the tenant adds VERIFICATION_ERROR, then they do', () => {
    const events = Array.from({ length: 10 }, (_, i) => unknownUserSignIn(`ghost${i}@example.com`, at(i * 3), attacker));
    expect(run(events)).toHaveLength(0);
    expect(run(events, { failureReasons: ['INVALID_CREDENTIALS', 'VERIFICATION_ERROR'] })).toHaveLength(1);
  });

  it('given a sustained spray of 30 accounts in one hour, when run, then it fires once; a second hour fires again', () => {
    expect(run(spray1(30, 2))).toHaveLength(1);
    const twoHours = [...spray1(20, 3), ...staff.slice(20, 40).map((p, i) => failedSignIn(p, at(70 + i * 2), 'INVALID_CREDENTIALS', attacker))];
    expect(run(twoHours)).toHaveLength(2);
  });

  it('given the events arrive shuffled (Okta delivers out of order), when run, then the finding is the same', () => {
    const ordered = run(spray1(12));
    const shuffled = run([...spray1(12)].reverse());
    expect(shuffled).toHaveLength(1);
    expect(shuffled[0].id).toBe(ordered[0].id);
  });

  it('given the same spray from two IPs taking turns, when run, then neither IP reaches the threshold alone', () => {
    const events = staff.slice(0, 12).map((p, i) => failedSignIn(p, at(i * 3), 'INVALID_CREDENTIALS', { place: i % 2 ? PLACES.lagos : PLACES.moscow }));
    expect(run(events)).toHaveLength(0);
  });

  it('given events with an empty client (no IP), when run, then it stays quiet without throwing', () => {
    expect(run(spray1(12).map((e) => withQuirks(e)))).toHaveLength(0);
  });
});
