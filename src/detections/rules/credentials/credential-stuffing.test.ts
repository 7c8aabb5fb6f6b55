import { normalize } from '../../../okta/event';
import { minutes, person, PLACES } from '../../../okta/fixtures';
import type { OktaLogEvent } from '../../../okta/log-event';
import { resolveCatalog } from '../../catalog';
import { failedSignIn, SCRIPT_UA, unknownUserSignIn } from '../../fixture-builders/sign-in';
import { detectAll } from '../../reorder';
import type { Detection, Params, ParamValue } from '../../types';
import stuffing from './credential-stuffing';

const ID = 'okta-credential-stuffing';
const T0 = '2026-11-05T03:00:00Z';
const at = (n: number) => minutes(T0, n);
const staff = Array.from({ length: 30 }, (_, i) => person(`stuffed${i}@example.com`));
const bot = { place: PLACES.moscow, userAgent: SCRIPT_UA };

function run(events: OktaLogEvent[], params: Record<string, ParamValue> = {}) {
  const resolved = resolveCatalog({ [ID]: { params } }, [stuffing as unknown as Detection<Params, unknown>]);
  return detectAll(resolved, events.map((e) => normalize(e)));
}

/** n usernames, one existing account for two unknown usernames, `spacing` minutes apart. */
const list = (n: number, spacing = 0.25) =>
  Array.from({ length: n }, (_, i) => (i % 3 ? unknownUserSignIn(`leaked${i}@example.com`, at(i * spacing), bot) : failedSignIn(staff[i], at(i * spacing), 'INVALID_CREDENTIALS', bot)));

describe('okta-credential-stuffing', () => {
  it('given 19 usernames in 5 minutes (threshold - 1), when run, then it stays quiet', () => {
    expect(run(list(19))).toHaveLength(0);
  });

  it('given 20 usernames, two thirds unknown to Okta, in 5 minutes, when run, then it fires once about the source IP', () => {
    const [f, ...rest] = run(list(20));
    expect(rest).toHaveLength(0);
    expect(f.subject).toMatchObject({ type: 'ip', id: PLACES.moscow.ip });
    expect(f.context).toMatchObject({ usernames: 20, unknownUsernames: 13, failedSignIns: 20 });
  });

  it('given a burst with 10 existing accounts (a spray from the IP), when the whole catalog runs, then okta-password-spray-ip alone reports it', () => {
    const burst = Array.from({ length: 22 }, (_, i) => (i % 2 ? unknownUserSignIn(`leaked${i}@example.com`, at(i * 0.25), bot) : failedSignIn(staff[i], at(i * 0.25), 'INVALID_CREDENTIALS', bot)));
    expect(run(burst)).toHaveLength(0);
    expect(detectAll(resolveCatalog(), burst.map((e) => normalize(e))).map((f) => f.detectionId)).toEqual(['okta-password-spray-ip']);
    // The tenant can turn the hand-off off: then both report the burst.
    expect(run(burst, { sprayMinUsers: 0 })).toHaveLength(1);
    expect(run(burst.slice(0, 21), { sprayMinUsers: 12 })).toHaveLength(1);
  });

  it('given 20 unknown usernames, when run, then each typed name counts (not one "unknown" user)', () => {
    const events = Array.from({ length: 20 }, (_, i) => unknownUserSignIn(`x${i}@example.com`, at(i * 0.2), bot));
    expect(run(events)).toHaveLength(1);
  });

  it('given the 20th username exactly one window (10 min) after the first, when run, then it stays quiet', () => {
    const events = list(19, 0.5);
    events.push(failedSignIn(staff[29], at(10), 'INVALID_CREDENTIALS', bot));
    expect(run(events)).toHaveLength(0);
    events[19] = failedSignIn(staff[29], at(9.9), 'INVALID_CREDENTIALS', bot);
    expect(run(events)).toHaveLength(1);
  });

  it('given each username tried 3 times (over maxAttemptsPerUser 2), when run, then it stays quiet', () => {
    const thrice = Array.from({ length: 20 }, (_, i) => [0, 1, 2].map((t) => unknownUserSignIn(`u${i}@example.com`, at(i * 0.3 + t * 0.05), bot))).flat();
    expect(run(thrice)).toHaveLength(0);
    expect(run(thrice, { maxAttemptsPerUser: 3 })).toHaveLength(1);
  });

  it('given a tenant override minUsernames 10, when 10 usernames fail, then it fires', () => {
    expect(run(list(10))).toHaveLength(0);
    expect(run(list(10), { minUsernames: 10 })).toHaveLength(1);
  });

  it('given the tenant counts only wrong passwords, when the unknown usernames are dropped, then 20 mixed usernames stay quiet', () => {
    expect(run(list(20), { failureReasons: ['INVALID_CREDENTIALS'] })).toHaveLength(0);
  });

  it('given the events arrive shuffled, when run, then the same finding is raised', () => {
    const events = list(24);
    const shuffled = events.map((e, i) => [((i * 7) % 24) + i / 100, e] as const).sort((a, b) => a[0] - b[0]).map(([, e]) => e);
    const a = run(events);
    const b = run(shuffled);
    expect(b).toHaveLength(1);
    expect(b[0].id).toBe(a[0].id);
  });

  it('given the same list replayed from 2 IPs taking turns, when run, then neither IP reaches the threshold', () => {
    const events = list(30).map((e, i) => ({ ...e, client: { ...e.client, ipAddress: i % 2 ? '203.0.113.7' : '203.0.113.8' } }));
    expect(run(events)).toHaveLength(0);
  });
});
