import { normalize } from '../../../okta/event';
import { minutes, person, type Place, PLACES, withQuirks } from '../../../okta/fixtures';
import type { OktaLogEvent } from '../../../okta/log-event';
import { haversineKm } from '../../kit/geo';
import { DetectionEngine } from '../../engine';
import { SF_OFFICE } from '../../fixture-builders/places';
import { detectAll } from '../../reorder';
import type { Detection, Params } from '../../types';
import detection, { type ImpossibleTravelParams } from './impossible-travel';
import { signIn } from './impossible-travel.fixtures';

const d = detection as unknown as Detection<Params, unknown>;
const T0 = '2026-11-03T09:10:00Z';
const LOS_ANGELES: Place = { ip: '198.51.100.31', city: 'Los Angeles', state: 'California', country: 'United States', lat: 34.0522, lon: -118.2437, asOrg: 'charter' };

const resolved = (params: Partial<ImpossibleTravelParams> = {}) => [{ detection: d, params: { ...d.defaults, ...params } as Params }];
const run = (events: OktaLogEvent[], params: Partial<ImpossibleTravelParams> = {}) => detectAll(resolved(params), events.map(normalize));

describe('okta-impossible-travel', () => {
  it('given San Francisco then London two hours later, when run, then one finding names both places, the distance and the speed', () => {
    const a = signIn(minutes(T0, 0), PLACES.sanFrancisco);
    const b = signIn(minutes(T0, 120), PLACES.london);
    const [f, ...rest] = run([a, b]);
    expect(rest).toHaveLength(0);
    expect(f.subject).toEqual({ type: 'user', id: person('lena.fischer@example.com').id, display: 'lena.fischer@example.com' });
    expect(f.eventUuids).toEqual([a.uuid, b.uuid]);
    expect(f.windowStart).toBe(a.published);
    expect(f.windowEnd).toBe(b.published);
    expect(f.summary).toContain('San Francisco, United States');
    expect(f.summary).toContain('London, United Kingdom');
    expect(f.context?.distanceKm).toBeGreaterThan(8500);
    expect(f.context?.distanceKm).toBeLessThan(8700);
    expect(f.context?.speedKmh).toBeGreaterThan(4000);
  });

  describe('given San Francisco then New York (about 4,130 km)', () => {
    const km = haversineKm(PLACES.sanFrancisco, PLACES.newYork);
    const hoursAtLimit = km / 900;

    it('when the implied speed is just under 900 km/h, then it stays quiet', () => {
      expect(run([signIn(minutes(T0, 0), PLACES.sanFrancisco), signIn(minutes(T0, hoursAtLimit * 60 + 5), PLACES.newYork)])).toHaveLength(0);
    });

    it('when the implied speed is just over 900 km/h, then it fires', () => {
      expect(run([signIn(minutes(T0, 0), PLACES.sanFrancisco), signIn(minutes(T0, hoursAtLimit * 60 - 5), PLACES.newYork)])).toHaveLength(1);
    });

    it('when the tenant raises maxSpeedKmh, then the same hop is quiet', () => {
      expect(run([signIn(minutes(T0, 0), PLACES.sanFrancisco), signIn(minutes(T0, hoursAtLimit * 60 - 5), PLACES.newYork)], { maxSpeedKmh: 1200 })).toHaveLength(0);
    });
  });

  it('given San Francisco then Los Angeles (560 km) five minutes apart, when minDistanceKm is raised above the hop, then it is quiet, and at the default it fires', () => {
    const events = [signIn(minutes(T0, 0), PLACES.sanFrancisco), signIn(minutes(T0, 5), LOS_ANGELES)];
    expect(run(events)).toHaveLength(1);
    expect(run(events, { minDistanceKm: 600 })).toHaveLength(0);
  });

  it('given home and office in the same city and a long-haul flight, when run, then nothing fires', () => {
    const events = [
      signIn(minutes(T0, 0), PLACES.sanFrancisco),
      signIn(minutes(T0, 30), SF_OFFICE),
      signIn(minutes(T0, 60), PLACES.sanFrancisco),
      signIn(minutes(T0, 60 + 11 * 60), PLACES.london),
    ];
    expect(run(events)).toHaveLength(0);
  });

  it('given the sign-ins fall in two hourly runs, when state is exported and loaded between them, then the second run fires', () => {
    const first = new DetectionEngine(resolved());
    expect(first.process(normalize(signIn(minutes(T0, 0), PLACES.sanFrancisco)))).toHaveLength(0);
    const saved = [...first.export()];
    expect(saved).toHaveLength(1);
    expect(saved[0].expiresAt - saved[0].lastSeen).toBe(7 * 24 * 60 * 60_000);
    expect(JSON.parse(JSON.stringify(saved[0].state))).toEqual(saved[0].state);

    const second = new DetectionEngine(resolved());
    for (const s of saved) second.load(s);
    const findings = second.process(normalize(signIn(minutes(T0, 75), PLACES.moscow)));
    expect(findings).toHaveLength(1);
    expect(findings[0].summary).toContain('Moscow');
  });

  it('given a new engine without the saved state, when the second run processes the far sign-in alone, then it is quiet', () => {
    const engine = new DetectionEngine(resolved());
    expect(engine.process(normalize(signIn(minutes(T0, 75), PLACES.moscow)))).toHaveLength(0);
  });

  it('given an earlier sign-in arrives late, when processed after a later one, then it is compared and the later sign-in stays remembered', () => {
    const engine = new DetectionEngine(resolved());
    const later = signIn(minutes(T0, 120), PLACES.london);
    engine.process(normalize(later));
    const findings = engine.process(normalize(signIn(minutes(T0, 0), PLACES.sanFrancisco)));
    expect(findings).toHaveLength(1);
    expect(findings[0].windowStart < findings[0].windowEnd).toBe(true);
    const [entry] = [...engine.export()];
    expect((entry.state as { last: { uuid: string } }).last.uuid).toBe(later.uuid);
  });

  it('given the previous sign-in is older than memoryDays, when a far sign-in comes, then it only becomes the new reference', () => {
    const events = [signIn(minutes(T0, 0), PLACES.sanFrancisco), signIn(minutes(T0, 3 * 24 * 60), PLACES.london), signIn(minutes(T0, 3 * 24 * 60 + 60), PLACES.sanFrancisco)];
    // London -> San Francisco in an hour is still caught: the memory only drops the three-day-old San Francisco.
    expect(run(events, { memoryDays: 1 })).toHaveLength(1);
  });

  it('given geolocation sent as strings, and lat/lon 0,0 (unknown), when run, then strings work and 0,0 is ignored', () => {
    const withStringGeo = (e: OktaLogEvent): OktaLogEvent => {
      const geo = e.client!.geographicalContext!.geolocation!;
      return { ...e, client: { ...e.client, geographicalContext: { ...e.client!.geographicalContext, geolocation: { lat: String(geo.lat) as unknown as number, lon: String(geo.lon) as unknown as number } } } };
    };
    const zero = (e: OktaLogEvent): OktaLogEvent => ({ ...e, client: { ...e.client, geographicalContext: { ...e.client!.geographicalContext, geolocation: { lat: 0, lon: 0 } } } });
    expect(run([withStringGeo(signIn(minutes(T0, 0), PLACES.sanFrancisco)), withStringGeo(signIn(minutes(T0, 60), PLACES.berlin))])).toHaveLength(1);
    expect(run([signIn(minutes(T0, 0), PLACES.sanFrancisco), zero(signIn(minutes(T0, 60), PLACES.berlin))])).toHaveLength(0);
  });

  it('given quirky events only (empty client, null security context), when run, then it neither throws nor fires', () => {
    const events = [withQuirks(signIn(minutes(T0, 0), PLACES.sanFrancisco)), withQuirks(signIn(minutes(T0, 5), PLACES.moscow))];
    expect(run(events)).toHaveLength(0);
  });

  it('given the tenant stops ignoring proxies, when a Tor exit follows San Francisco, then it fires', () => {
    const events = [signIn(minutes(T0, 0), PLACES.sanFrancisco), signIn(minutes(T0, 30), PLACES.torExit)];
    expect(run(events)).toHaveLength(0);
    expect(run(events, { ignoreProxies: false })).toHaveLength(1);
  });

  it('given one sign-in from Lagos between two in San Francisco, when run, then one finding (the way back is the same behaviour)', () => {
    const there = signIn(minutes(T0, 30), PLACES.lagos);
    const events = [signIn(minutes(T0, 0), PLACES.sanFrancisco), there, signIn(minutes(T0, 200), SF_OFFICE)];
    const [f, ...rest] = run(events);
    expect(rest).toHaveLength(0);
    expect(f.eventUuids).toContain(there.uuid);
    // ...also across hourly runs (the reported pair is part of the saved state).
    const first = new DetectionEngine(resolved());
    expect(events.slice(0, 2).flatMap((e) => first.process(normalize(e)))).toHaveLength(1);
    const second = new DetectionEngine(resolved());
    for (const x of first.export()) second.load(JSON.parse(JSON.stringify(x)));
    expect(second.process(normalize(events[2]))).toHaveLength(0);
  });

  it('given a third place after a reported hop, or the same hop again more than a day later, when run, then each is a new finding', () => {
    expect(run([signIn(minutes(T0, 0), PLACES.sanFrancisco), signIn(minutes(T0, 30), PLACES.lagos), signIn(minutes(T0, 90), PLACES.moscow)])).toHaveLength(2);
    const later = 26 * 60;
    expect(run([signIn(minutes(T0, 0), PLACES.sanFrancisco), signIn(minutes(T0, 30), PLACES.lagos), signIn(minutes(T0, later), PLACES.sanFrancisco), signIn(minutes(T0, later + 30), PLACES.lagos)])).toHaveLength(2);
  });

  it('given the same events, when run twice, then the findings are identical', () => {
    const events = [signIn(minutes(T0, 0), PLACES.sanFrancisco), signIn(minutes(T0, 30), PLACES.lagos), signIn(minutes(T0, 200), PLACES.sanFrancisco)];
    expect(run(events)).toEqual(run(events));
  });
});
