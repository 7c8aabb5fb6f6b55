import { minutes, person, PLACES } from '../../../okta/fixtures';
import { failedSignIn, SCRIPT_UA, signIn } from '../../fixture-builders/sign-in';
import { fixtureTable } from '../../fixture-table';
import detection from './sign-in-after-credential-attack';

const T0 = '2026-11-03T04:00:00Z';
const victim = person('lee.chen@example.com');
const at = (n: number) => minutes(T0, n);
const attacker = { place: PLACES.lagos, userAgent: SCRIPT_UA };

export default fixtureTable(detection, {
  positive: [
    {
      name: '6 wrong passwords from an attacker IP, then a success from the same IP',
      events: [...[0, 1, 2, 3, 4, 5].map((n) => failedSignIn(victim, at(n), 'INVALID_CREDENTIALS', attacker)), signIn(victim, at(7), attacker)],
      expect: [{ subject: { type: 'user', id: victim.id }, windowStart: '2026-11-03T04:00:00.000Z', windowEnd: '2026-11-03T04:07:00.000Z' }],
    },
    {
      name: 'one try each from 3 rotating proxy IPs, then a success',
      events: [
        failedSignIn(victim, at(0), 'INVALID_CREDENTIALS', { place: PLACES.moscow }),
        failedSignIn(victim, at(10), 'INVALID_CREDENTIALS', { place: PLACES.lagos }),
        failedSignIn(victim, at(20), 'INVALID_CREDENTIALS', { place: PLACES.torExit }),
        signIn(victim, at(25), { place: PLACES.torExit }),
      ],
      expect: [{ subject: { type: 'user', id: victim.id }, windowStart: '2026-11-03T04:00:00.000Z', windowEnd: '2026-11-03T04:25:00.000Z' }],
    },
    {
      name: 'a single spray attempt ThreatInsight flagged, then a success',
      events: [failedSignIn(victim, at(0), 'INVALID_CREDENTIALS', { ...attacker, threatSuspected: true }), signIn(victim, at(30), attacker)],
      expect: [{ subject: { type: 'user', id: victim.id }, windowStart: '2026-11-03T04:00:00.000Z', windowEnd: '2026-11-03T04:30:00.000Z' }],
    },
  ],
  negative: [
    {
      name: 'mistyped the password twice, then got in',
      events: [failedSignIn(victim, at(0)), failedSignIn(victim, at(0.5)), signIn(victim, at(1))],
      expect: [],
    },
    {
      name: 'mistypes on two devices at home, then gets in',
      events: [failedSignIn(victim, at(0)), failedSignIn(victim, at(2), 'INVALID_CREDENTIALS', { place: PLACES.sanFrancisco, userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X)' }), signIn(victim, at(3))],
      expect: [],
    },
    {
      name: 'brute force 2 hours before the success is outside the lookback',
      events: [...[0, 1, 2, 3, 4, 5].map((n) => failedSignIn(victim, at(n), 'INVALID_CREDENTIALS', attacker)), signIn(victim, at(130))],
      expect: [],
    },
    {
      name: 'failures that never end in a success',
      events: [0, 1, 2, 3, 4, 5, 6].map((n) => failedSignIn(victim, at(n), 'INVALID_CREDENTIALS', attacker)),
      expect: [],
    },
  ],
});
