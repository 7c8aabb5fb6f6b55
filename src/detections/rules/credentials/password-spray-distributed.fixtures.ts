import { minutes, person, type Place, PLACES } from '../../../okta/fixtures';
import { orgHour, orgHours, spray } from '../../fixture-builders/large-org';
import { failedSignIn, SCRIPT_UA, signIn } from '../../fixture-builders/sign-in';
import { fixtureTable } from '../../fixture-table';
import detection from './password-spray-distributed';

const T0 = '2026-11-03T02:00:00Z';
const staff = Array.from({ length: 30 }, (_, i) => person(`staff${i + 1}@example.com`));

/** A residential-proxy pool: 8 exit IPs. */
const pool: Place[] = Array.from({ length: 8 }, (_, i) => ({ ...PLACES.torExit, ip: `192.0.2.${10 + i}`, isProxy: false, asOrg: 'residential proxy' }));

/** One try per account, each from the next exit IP, one every 2 minutes. */
const sprayed = (n: number, ips = pool.length) =>
  staff.slice(0, n).map((p, i) => failedSignIn(p, minutes(T0, i * 2), 'INVALID_CREDENTIALS', { place: pool[i % ips], userAgent: SCRIPT_UA }));

/** The org goes on signing in: a colleague's sign-in `settleMinutes` (10) after the last try, when its failures are judged. */
const orgGoesOn = (at: number) => signIn(person('colleague@example.com'), at, { place: PLACES.london });

/** Day d (0-based) of a fixture spanning days, at 10:00 UTC. */
const DAY1 = '2026-11-02T10:00:00Z';
const morning = (d: number) => minutes(DAY1, d * 24 * 60);
/** An org whose ordinary morning has 25 people failing from home once and not retrying within the hour (contractors on their own laptops). */
const ordinaryMorning = (d: number) => orgHour(morning(d), { users: 4000, signIns: 200, mistypes: 10, gaveUpAtHome: 25 });

export default fixtureTable(detection, {
  positive: [
    { name: '20 accounts, one try each, from 8 rotating IPs in 40 minutes', events: [...sprayed(20), orgGoesOn(minutes(T0, 48))], expect: [{ subject: { type: 'org', id: 'org' }, windowStart: '2026-11-03T02:00:00.000Z', windowEnd: '2026-11-03T02:38:00.000Z' }] },
    { name: 'tenant lowers the bar to 10 accounts from 3 IPs', events: [...sprayed(10, 3), orgGoesOn(minutes(T0, 28))], expect: [{ subject: { type: 'org', id: 'org' }, windowStart: '2026-11-03T02:00:00.000Z', windowEnd: '2026-11-03T02:18:00.000Z' }], params: { minUsers: 10, minIps: 3 } },
    {
      name: 'a spray of 30 accounts inside a 20,000-user org\'s morning (800 sign-ins, a wave of 50 mistypes, 40 people giving up at the office)',
      events: [
        ...orgHours(Date.parse('2026-11-03T09:00:00Z'), 2, { users: 20_000, signIns: 800, mistypes: 50, wave: true, gaveUp: 40, wrongUsernames: 10 }),
        ...spray(Date.parse('2026-11-03T09:20:00Z'), Array.from({ length: 30 }, (_, k) => 101 + k * 613)),
      ],
      expect: [{ subject: { type: 'org', id: 'org' }, windowStart: '2026-11-03T09:20:00.000Z', windowEnd: '2026-11-03T09:39:00.000Z' }],
    },
    {
      name: 'a new tenant: the floor fires on the first 3 mornings; once the org\'s normal (25 people failing from home) is learned, the same morning is quiet and a spray on top of it fires',
      events: [
        ...[0, 1, 2, 3, 4].flatMap(ordinaryMorning),
        ...spray(morning(4) + 10 * 60_000, Array.from({ length: 30 }, (_, k) => 7 + k * 131)),
        orgGoesOn(morning(4) + 75 * 60_000),
      ],
      expect: [
        { subject: { type: 'org', id: 'org' }, windowStart: '2026-11-02T10:01:31.270Z', windowEnd: '2026-11-02T10:40:27.608Z' },
        { subject: { type: 'org', id: 'org' }, windowStart: '2026-11-03T10:04:54.565Z', windowEnd: '2026-11-03T10:38:09.090Z' },
        { subject: { type: 'org', id: 'org' }, windowStart: '2026-11-04T10:01:21.168Z', windowEnd: '2026-11-04T10:45:44.584Z' },
        { subject: { type: 'org', id: 'org' }, windowStart: '2026-11-06T10:01:11.363Z', windowEnd: '2026-11-06T10:36:36.148Z' },
      ],
    },
  ],
  negative: [
    { name: '19 accounts stay under the threshold', events: [...sprayed(19), orgGoesOn(minutes(T0, 48))], expect: [] },
    { name: '20 accounts but all from 4 IPs', events: [...sprayed(20, 4), orgGoesOn(minutes(T0, 48))], expect: [] },
    {
      name: 'a normal morning: 25 people mistype once from home and then get in',
      events: staff.slice(0, 25).flatMap((p, i) => {
        const home = { ...PLACES.newYork, ip: `198.51.100.${100 + i}` };
        return [failedSignIn(p, minutes(T0, i * 2), 'INVALID_CREDENTIALS', { place: home }), signIn(p, minutes(T0, i * 2 + 0.5), { place: home })];
      }),
      expect: [],
    },
    { name: 'the same spray spread over 3 hours', events: staff.slice(0, 24).map((p, i) => failedSignIn(p, minutes(T0, i * 8), 'INVALID_CREDENTIALS', { place: pool[i % 8] })), expect: [] },
    {
      name: 'a 4,000-user org for 4 hours: each hour a wave of 50 mistyped passwords, each retyped from the same browser a minute or two later',
      events: orgHours(Date.parse('2026-11-03T08:00:00Z'), 4, { users: 4000, signIns: 400, mistypes: 50, wave: true }),
      expect: [],
    },
    {
      name: 'a 20,000-user org\'s afternoon: 40 people an hour fail once at an office or on the VPN and get in from their phone',
      events: orgHours(Date.parse('2026-11-03T13:00:00Z'), 3, { users: 20_000, signIns: 800, mistypes: 30, gaveUp: 40 }),
      expect: [],
    },
  ],
});
