import { normalize } from '../../../okta/event';
import { minutes, person, type Place, PLACES } from '../../../okta/fixtures';
import type { OktaLogEvent } from '../../../okta/log-event';
import { resolveCatalog } from '../../catalog';
import { failedSignIn, signIn, unknownUserSignIn } from '../../fixture-builders/sign-in';
import { detectAll } from '../../reorder';
import type { Detection, Params, ParamValue } from '../../types';
import spray from './password-spray-distributed';

const ID = 'okta-password-spray-distributed';
const T0 = '2026-11-05T02:00:00Z';
const at = (n: number) => minutes(T0, n);
const staff = Array.from({ length: 60 }, (_, i) => person(`dist${i}@example.com`));
const colleague = person('colleague@example.com');
const pool: Place[] = Array.from({ length: 10 }, (_, i) => ({ ...PLACES.torExit, ip: `192.0.2.${100 + i}`, isProxy: false }));

/**
 * The detection over the events, then a colleague's sign-in `settleMinutes` after the last of them: the org goes on
 * signing in, and failures are judged once settled.
 */
function run(events: OktaLogEvent[], params: Record<string, ParamValue> = {}) {
  const resolved = resolveCatalog({ [ID]: { params } }, [spray as unknown as Detection<Params, unknown>]);
  const last = Math.max(...events.map((e) => Date.parse(e.published)));
  const settle = (params.settleMinutes as number | undefined) ?? spray.defaults.settleMinutes;
  return detectAll(resolved, [...events, signIn(colleague, last + settle * 60_000, { place: PLACES.london })].map((e) => normalize(e)));
}

/** n accounts, one try each, rotating over `ips` exit IPs, `spacing` minutes apart. */
const spray1 = (n: number, ips = 8, spacing = 2) => staff.slice(0, n).map((p, i) => failedSignIn(p, at(i * spacing), 'INVALID_CREDENTIALS', { place: pool[i % ips] }));

describe('okta-password-spray-distributed', () => {
  it('given 19 accounts from 8 IPs (minUsers - 1), when run, then it stays quiet', () => {
    expect(run(spray1(19))).toHaveLength(0);
  });

  it('given 20 accounts from 8 IPs, when run, then it raises one org-wide finding', () => {
    const [f, ...rest] = run(spray1(20));
    expect(rest).toHaveLength(0);
    expect(f.subject).toMatchObject({ type: 'org', id: 'org' });
    expect(f.context).toMatchObject({ accounts: 20, sourceIps: 8 });
  });

  it('given 20 accounts from 4 IPs (minIps - 1), when run, then it stays quiet; from 5 IPs it fires', () => {
    expect(run(spray1(20, 4))).toHaveLength(0);
    expect(run(spray1(20, 5))).toHaveLength(1);
  });

  it('given the 20th failure exactly one window after the first, when run, then it stays quiet', () => {
    const events = spray1(19, 8, 3);
    events.push(failedSignIn(staff[19], at(60), 'INVALID_CREDENTIALS', { place: pool[3] }));
    expect(run(events)).toHaveLength(0);
    events[19] = failedSignIn(staff[19], at(59.9), 'INVALID_CREDENTIALS', { place: pool[3] });
    expect(run(events)).toHaveLength(1);
  });

  it('given accounts tried 4 times each (over maxAttemptsPerUser 3), when run, then they do not count', () => {
    const events = staff.slice(0, 20).flatMap((p, i) => [0, 1, 2, 3].map((t) => failedSignIn(p, at(i * 2 + t * 0.1), 'INVALID_CREDENTIALS', { place: pool[(i + t) % 8] })));
    expect(run(events)).toHaveLength(0);
    expect(run(events, { maxAttemptsPerUser: 4 })).toHaveLength(1);
  });

  it('given 30 users across the org mistype once and then sign in, when run, then it stays quiet', () => {
    const events = staff.slice(0, 30).flatMap((p, i) => {
      const home = { ...PLACES.newYork, ip: `198.51.100.${i + 1}` };
      return [failedSignIn(p, at(i * 1.5), 'INVALID_CREDENTIALS', { place: home }), signIn(p, at(i * 1.5 + 0.4), { place: home })];
    });
    expect(run(events)).toHaveLength(0);
  });

  it('given tenant overrides minUsers 10 and minIps 3, when 10 accounts fail from 3 IPs, then it fires', () => {
    expect(run(spray1(10, 3))).toHaveLength(0);
    expect(run(spray1(10, 3), { minUsers: 10, minIps: 3 })).toHaveLength(1);
  });

  it('given unknown usernames and the tenant counting VERIFICATION_ERROR, when 20 distinct usernames fail, then each counts on its own', () => {
    const events = Array.from({ length: 20 }, (_, i) => unknownUserSignIn(`nobody${i}@example.com`, at(i * 2), { place: pool[i % 8] }));
    expect(run(events, { failureReasons: ['INVALID_CREDENTIALS', 'VERIFICATION_ERROR'] })).toHaveLength(1);
    const sameName = Array.from({ length: 20 }, (_, i) => unknownUserSignIn('admin', at(i * 2), { place: pool[i % 8] }));
    expect(run(sameName, { failureReasons: ['INVALID_CREDENTIALS', 'VERIFICATION_ERROR'] })).toHaveLength(0);
  });

  it('given the events arrive in reverse order, when run, then the same finding is raised', () => {
    const ordered = run(spray1(24));
    const reversed = run([...spray1(24)].reverse());
    expect(reversed).toHaveLength(1);
    expect(reversed[0].id).toBe(ordered[0].id);
  });

  it('given failures from a zone the tenant ignores, when run, then they do not count', () => {
    const events = spray1(20).map((e) => ({ ...e, client: { ...e.client, zone: 'Partner VPN' } }));
    expect(run(events)).toHaveLength(1);
    expect(run(events, { ignoreZones: ['Partner VPN'] })).toHaveLength(0);
  });
});
