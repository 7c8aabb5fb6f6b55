import { generateDay } from '../../local/generator';
import { normalize, type OktaEvent } from '../../src/okta/event';
import { logEvent, person, userActor } from '../../src/okta/fixtures';
import { ActivityAggregator } from '../../src/pipeline/activity-summary';
import { hourBucket } from '../../src/time';

/** The day added up from each hour's parts, merged in hour order (what the daily roll-up does with Detect's parts). */
function fromHourParts(day: string, events: readonly OktaEvent[]) {
  const hours = new Map<string, ActivityAggregator>();
  for (const e of events) {
    const hour = hourBucket(e.time);
    (hours.get(hour) ?? hours.set(hour, new ActivityAggregator(day)).get(hour)!).add(e);
  }
  const agg = new ActivityAggregator(day);
  for (const hour of [...hours.keys()].sort()) for (const part of hours.get(hour)!.parts()) agg.merge(part);
  return agg.summaries();
}

function fromEvents(day: string, events: readonly OktaEvent[]) {
  const agg = new ActivityAggregator(day);
  for (const e of events) agg.add(e);
  return agg.summaries();
}

const inOrder = (events: OktaEvent[]) => events.sort((a, b) => a.time - b.time || a.uuid.localeCompare(b.uuid));

describe('a user’s day of activity, added up from hours', () => {
  it('given a generated day of 300 users, when it is added up from each hour’s parts, then every user’s day is the one its events give', () => {
    const day = generateDay({ day: '2026-11-02', org: 'acme', source: 'aws.partner/okta.com/acme/vigil', users: 300, seed: 11 });
    const events = inOrder(day.events.filter((e) => e.published.startsWith('2026-11-02')).map((e) => normalize(e)));

    const parts = fromHourParts('2026-11-02', events);

    expect(parts.length).toBeGreaterThan(250);
    expect(parts).toEqual(fromEvents('2026-11-02', events));
  });

  it('given a user signing in from 40 new addresses with 40 new browsers every hour, some seen before, when added up from hours, then the capped lists keep the first 50 distinct, as the events give', () => {
    const pat = person('pat@acme.example');
    const events: OktaEvent[] = [];
    for (let h = 0; h < 3; h++)
      for (let i = 0; i < 40; i++) {
        const n = h * 30 + i; // each hour repeats 10 of the hour before's
        const e = logEvent({ eventType: 'user.session.start', at: `2026-11-02T0${h}:${String(i).padStart(2, '0')}:00Z`, actor: userActor(pat), outcome: 'SUCCESS', place: { ip: `198.51.100.${n}`, city: 'Lyon', state: 'Rhône', country: `Country ${n}`, lat: 45.7, lon: 4.8 } });
        events.push(normalize({ ...e, client: { ...e.client, userAgent: { rawUserAgent: `Agent/${n}` } } }));
      }
    inOrder(events);

    const [summary] = fromHourParts('2026-11-02', events);

    expect(summary.ips).toHaveLength(50);
    expect(summary.userAgents).toBe(50);
    expect([summary]).toEqual(fromEvents('2026-11-02', events));
  });
});
