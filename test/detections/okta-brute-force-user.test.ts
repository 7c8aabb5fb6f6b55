import { normalize } from '../../src/okta/event';
import { minutes, person, PLACES } from '../../src/okta/fixtures';
import type { OktaLogEvent } from '../../src/okta/log-event';
import { resolveCatalog } from '../../src/detections/catalog';
import { failedSignIn, unknownUserSignIn } from '../../src/detections/fixture-builders/sign-in';
import { detectAll } from '../../src/detections/reorder';
import bruteForce from '../../src/detections/rules/credentials/brute-force-user';
import type { Detection, Params } from '../../src/detections/types';

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
