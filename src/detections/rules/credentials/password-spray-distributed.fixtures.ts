import { minutes, person, type Place, PLACES } from '../../../okta/fixtures';
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

export default fixtureTable(detection, {
  positive: [
    { name: '20 accounts, one try each, from 8 rotating IPs in 40 minutes', events: sprayed(20), expect: [{ subject: { type: 'org', id: 'org' }, windowStart: '2026-11-03T02:00:00.000Z', windowEnd: '2026-11-03T02:38:00.000Z' }] },
    { name: 'tenant lowers the bar to 10 accounts from 3 IPs', events: sprayed(10, 3), expect: [{ subject: { type: 'org', id: 'org' }, windowStart: '2026-11-03T02:00:00.000Z', windowEnd: '2026-11-03T02:18:00.000Z' }], params: { minUsers: 10, minIps: 3 } },
  ],
  negative: [
    { name: '19 accounts stay under the threshold', events: sprayed(19), expect: [] },
    { name: '20 accounts but all from 4 IPs', events: sprayed(20, 4), expect: [] },
    {
      name: 'a normal morning: 25 people mistype once from home and then get in',
      events: staff.slice(0, 25).flatMap((p, i) => {
        const home = { ...PLACES.newYork, ip: `198.51.100.${100 + i}` };
        return [failedSignIn(p, minutes(T0, i * 2), 'INVALID_CREDENTIALS', { place: home }), signIn(p, minutes(T0, i * 2 + 0.5), { place: home })];
      }),
      expect: [],
    },
    { name: 'the same spray spread over 3 hours', events: staff.slice(0, 24).map((p, i) => failedSignIn(p, minutes(T0, i * 8), 'INVALID_CREDENTIALS', { place: pool[i % 8] })), expect: [] },
  ],
});
