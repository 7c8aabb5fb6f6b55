import { normalize } from '../../../okta/event';
import { minutes, person, PLACES } from '../../../okta/fixtures';
import type { OktaLogEvent } from '../../../okta/log-event';
import { resolveCatalog } from '../../catalog';
import { failedSignIn, unknownUserSignIn } from '../../fixture-builders/sign-in';
import { detectAll } from '../../reorder';
import type { Detection, Params } from '../../types';
import bruteForce from './brute-force-user';

const T0 = '2026-11-05T03:00:00Z';

function run(events: OktaLogEvent[]) {
  return detectAll(resolveCatalog({}, [bruteForce as unknown as Detection<Params, unknown>]), events.map((e) => normalize(e)));
}

describe('okta-brute-force-user', () => {
  it('given 20 failures for an existing user, when run, then one finding whose subject is the user', () => {
    const victim = person('lee.chen@example.com');
    const [f, ...rest] = run(Array.from({ length: 20 }, (_, i) => failedSignIn(victim, minutes(T0, i), 'INVALID_CREDENTIALS', { place: PLACES.lagos })));
    expect(rest).toHaveLength(0);
    expect(f.subject).toEqual({ type: 'user', id: victim.id, display: victim.login });
  });

  it('given two usernames Okta does not know, each guessed 20 times, when run, then two findings with distinct subjects (the typed logins, not "unknown")', () => {
    const events = ['ceo@example.com', 'cfo@example.com'].flatMap((login) => Array.from({ length: 20 }, (_, i) => unknownUserSignIn(login, minutes(T0, i), { place: PLACES.lagos })));
    const found = run(events);
    expect(found.map((f) => f.subject).sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { type: 'user', id: 'unknown:ceo@example.com', display: 'ceo@example.com' },
      { type: 'user', id: 'unknown:cfo@example.com', display: 'cfo@example.com' },
    ]);
  });
});
