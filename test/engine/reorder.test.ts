import { resolveCatalog } from '../../src/detections/catalog';
import { detectAll, StreamingDetector } from '../../src/detections/reorder';
import { normalize } from '../../src/okta/event';
import { logEvent, minutes, person, PLACES, userActor } from '../../src/okta/fixtures';

const bruteForce = resolveCatalog().filter((r) => r.detection.id === 'okta-brute-force-user');
const fail = (login: string, at: number) => normalize(logEvent({ eventType: 'user.session.start', at, actor: userActor(person(login)), place: PLACES.lagos, outcome: 'FAILURE' }));

describe('streaming reorder front', () => {
  it('given the same events in a different order, when detected, then the findings are identical', () => {
    const events = Array.from({ length: 25 }, (_, i) => fail('a@x.example', minutes('2026-11-02T09:00:00Z', i)));
    const shuffled = [...events].sort((a, b) => a.uuid.localeCompare(b.uuid));
    expect(detectAll(bruteForce, shuffled)).toEqual(detectAll(bruteForce, events));
  });

  it('given the same event delivered twice, when streamed, then it counts once', () => {
    const events = Array.from({ length: 19 }, (_, i) => fail('a@x.example', minutes('2026-11-02T09:00:00Z', i)));
    const s = new StreamingDetector(bruteForce);
    const found = [...events, events[3]].flatMap((e) => s.push(e)).concat(s.flush());
    expect(found).toEqual([]);
    expect(s.stats.duplicates).toBe(1);
  });

});
