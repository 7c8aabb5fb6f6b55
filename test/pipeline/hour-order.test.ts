import { LocalPipeline } from '../../local/runtime';
import { logEvent, minutes, person, PLACES, userActor } from '../../src/okta/fixtures';
import { hourEventsInOrder, readHourEvents, type HourReadCounts } from '../../src/pipeline/hour-events';
import { listChunkRefs } from '../../src/store/events';
import { testTenant, wrap } from './helpers';

describe('an hour read in time order, object by object', () => {
  let p: LocalPipeline;
  beforeEach(async () => {
    p = await LocalPipeline.start(testTenant());
  });
  afterEach(() => p.close());

  it('given an hour spread over objects that overlap in time (late events, copies, events sharing a millisecond), when read in order, then it gives exactly the events and order of reading it whole', async () => {
    const hour = '2026-11-02T09';
    const who = [person('ana@testco.example'), person('bo@testco.example'), person('cy@testco.example')];
    const events = Array.from({ length: 60 }, (_, i) => logEvent({ eventType: 'user.session.start', at: minutes('2026-11-02T09:00:00Z', i), actor: userActor(who[i % 3]), place: PLACES.london, outcome: 'SUCCESS' }));
    // Two events in the same millisecond, so the uuid decides their order.
    events.push(logEvent({ eventType: 'user.session.start', at: '2026-11-02T09:30:00Z', actor: userActor(who[1]), place: PLACES.london, outcome: 'SUCCESS' }));
    const base = Date.parse('2026-11-02T09:00:00Z');
    // Most arrive a few seconds after they happen; every seventh 40 minutes late; a few twice, much later.
    for (const [i, e] of events.entries()) await p.put(wrap(e), Date.parse(e.published) + (i % 7 === 0 ? 40 * 60_000 : 5_000));
    for (const e of events.filter((_, i) => i % 11 === 0)) await p.put(wrap(e), base + 100 * 60_000);
    await p.drain();
    const chunks = await listChunkRefs(p.ddb, p.tables.events, hour);
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.every((c) => typeof c.first === 'number')).toBe(true);

    const whole = await readHourEvents(p.s3, p.bucket, hour, chunks.map((c) => c.sk), {});
    const counts: HourReadCounts = { events: 0, duplicates: 0, malformed: 0 };
    const inOrder = [];
    for await (const e of hourEventsInOrder(p.s3, p.bucket, hour, chunks, {}, counts)) inOrder.push(e.uuid);

    expect(inOrder).toEqual(whole.events.map((e) => e.uuid));
    expect(inOrder).toHaveLength(61);
    expect(counts).toEqual({ events: 61, duplicates: whole.duplicates, malformed: whole.malformed });
  });

  it('given references without an earliest time (written before it was recorded), when read in order, then they are read first and nothing is lost', async () => {
    const events = Array.from({ length: 10 }, (_, i) => logEvent({ eventType: 'user.session.start', at: minutes('2026-11-02T09:00:00Z', i * 5), actor: userActor(person('ana@testco.example')), place: PLACES.london, outcome: 'SUCCESS' }));
    for (const e of events) await p.put(wrap(e), Date.parse(e.published) + 1000);
    await p.drain();
    const chunks = (await listChunkRefs(p.ddb, p.tables.events, '2026-11-02T09')).map((c, i) => (i % 2 ? { sk: c.sk } : c));

    const seen = [];
    for await (const e of hourEventsInOrder(p.s3, p.bucket, '2026-11-02T09', chunks, {}, { events: 0, duplicates: 0, malformed: 0 })) seen.push(e.uuid);

    expect(seen).toEqual(events.map((e) => e.uuid));
  });
});
