import { minutes, person, PLACES } from '../../../okta/fixtures';
import { OFFICES, orgHour, orgHours, spray } from '../../fixture-builders/large-org';
import { failedSignIn, SCRIPT_UA, signIn } from '../../fixture-builders/sign-in';
import { fixtureTable } from '../../fixture-table';
import detection from './password-spray-ip';

const T0 = '2026-11-03T01:00:00Z';
const staff = Array.from({ length: 14 }, (_, i) => person(`employee${i + 1}@example.com`));

/** The attacker's IP tries one password per account, one account every 3 minutes. */
const sprayed = (n: number, tries = 1, zone?: string) =>
  staff
    .slice(0, n)
    .flatMap((p, i) => Array.from({ length: tries }, (_, t) => failedSignIn(p, minutes(T0, i * 3 + t), 'INVALID_CREDENTIALS', { place: PLACES.lagos, userAgent: SCRIPT_UA, zone })));

/** Everyone at one office, behind its NAT IP: 400 sign-ins an hour, 5% mistyped and retyped, 15 people giving up and getting in from their phone. */
const office = [OFFICES[0]];
const officeHour = { users: 4000, offices: office, signIns: 400, mistypes: 20, gaveUp: 15 };
/** A bigger office: 1,200 sign-ins an hour, where a new tenant's allowance (10 + 10% of sign-ins) is wide. */
const bigOfficeHour = { ...officeHour, signIns: 1200 };
const DAY1 = Date.parse('2026-11-02T09:00:00Z');
const morning = (d: number) => DAY1 + d * 24 * 3_600_000;

export default fixtureTable(detection, {
  positive: [
    { name: '10 accounts, one wrong password each, from one IP in 30 minutes', events: sprayed(10), expect: [{ subject: { type: 'ip', id: '192.0.2.44' }, windowStart: '2026-11-03T01:00:00.000Z', windowEnd: '2026-11-03T01:27:00.000Z' }] },
    { name: '12 accounts, two tries each, some already locked out', events: [...sprayed(12, 2), failedSignIn(staff[0], minutes(T0, 50), 'LOCKED_OUT', { place: PLACES.lagos })], expect: [{ subject: { type: 'ip', id: '192.0.2.44' }, windowStart: '2026-11-03T01:00:00.000Z', windowEnd: '2026-11-03T01:27:00.000Z' }] },
    {
      name: 'a spray of 40 accounts from inside the office NAT, among its ordinary hour',
      events: [...orgHour(DAY1, officeHour), ...spray(DAY1 + 10 * 60_000, Array.from({ length: 40 }, (_, k) => 3 + k * 97), { exits: office, userAgent: SCRIPT_UA })],
      expect: [{ subject: { type: 'ip', id: OFFICES[0].ip }, windowStart: '2026-11-02T09:02:39.004Z', windowEnd: '2026-11-02T09:20:35.240Z' }],
    },
    {
      name: 'a big office NAT learns its normal over 3 mornings; then a spray of 25 accounts from inside it, under the allowance for a new tenant, fires',
      events: [...[0, 1, 2, 3].flatMap((d) => orgHour(morning(d), bigOfficeHour)), ...spray(morning(3) + 10 * 60_000, Array.from({ length: 25 }, (_, k) => 3 + k * 97), { exits: office, userAgent: SCRIPT_UA })],
      expect: [{ subject: { type: 'ip', id: OFFICES[0].ip }, windowStart: '2026-11-05T09:00:29.984Z', windowEnd: '2026-11-05T09:29:00.000Z' }],
    },
    { name: 'tenant lowers the bar to 5 accounts', events: sprayed(5), expect: [{ subject: { type: 'ip', id: '192.0.2.44' }, windowStart: '2026-11-03T01:00:00.000Z', windowEnd: '2026-11-03T01:12:00.000Z' }], params: { minUsers: 5 } },
  ],
  negative: [
    { name: '9 accounts stay under the threshold', events: sprayed(9), expect: [] },
    {
      name: 'office NAT: 12 colleagues each mistype once, then sign in from the same IP',
      events: staff.slice(0, 12).flatMap((p, i) => [failedSignIn(p, minutes(T0, i * 4)), signIn(p, minutes(T0, i * 4 + 1))]),
      expect: [],
    },
    {
      name: 'accounts hammered 8 times each are brute force, not spray',
      events: staff.slice(0, 10).flatMap((p, i) => Array.from({ length: 8 }, (_, t) => failedSignIn(p, minutes(T0, i * 5 + t * 0.5), 'INVALID_CREDENTIALS', { place: PLACES.lagos }))),
      expect: [],
    },
    {
      name: 'hundreds of people behind one office NAT for 3 hours: 5% mistype and retype, 15 an hour give up and get in from their phone',
      events: orgHours(DAY1, 3, officeHour),
      expect: [],
    },
    { name: 'the same office on its 4th morning, once its normal is learned', events: [0, 1, 2, 3].flatMap((d) => orgHour(morning(d), officeHour)), expect: [] },
    { name: 'failures from a network zone the tenant ignores', events: sprayed(10, 1, 'Corporate Egress'), expect: [], params: { ignoreZones: ['corporate egress'] } },
  ],
});
