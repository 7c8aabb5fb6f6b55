import { normalize } from '../../../okta/event';
import { type Place, PLACES, withQuirks } from '../../../okta/fixtures';
import type { OktaLogEvent } from '../../../okta/log-event';
import { DetectionEngine } from '../../engine';
import { detectAll } from '../../reorder';
import type { Detection, Params } from '../../types';
import detection, { type NewCountrySignInParams, type NewCountryState } from './new-country-sign-in';
import { routine, signIn } from './new-country-sign-in.fixtures';

const d = detection as unknown as Detection<Params, unknown>;
const resolved = (params: Partial<NewCountrySignInParams> = {}) => [{ detection: d, params: { ...d.defaults, ...params } as Params }];
const run = (events: OktaLogEvent[], params: Partial<NewCountrySignInParams> = {}) => detectAll(resolved(params), events.map(normalize));
const place = (country: string, ip: string): Place => ({ ip, city: `${country} City`, state: country, country, lat: 10, lon: 10, asOrg: 'isp' });

describe('okta-new-country-sign-in', () => {
  it('given an established user, when they sign in from Nigeria, then one finding names the new and the known countries', () => {
    const [f, ...rest] = run([...routine(14), signIn(14.5, PLACES.lagos)]);
    expect(rest).toHaveLength(0);
    expect(f.context?.country).toBe('Nigeria');
    expect(f.context?.knownCountries).toEqual(['United States']);
    expect(f.context?.priorSignIns).toBe(28);
    expect(f.summary).toContain('Nigeria (Lagos)');
  });

  it('given 9 prior sign-ins over 8 days (threshold - 1), when a new country appears, then quiet; with 10 it fires', () => {
    const nine = [0, 1, 2, 3, 4, 5, 6, 7, 7.5].map((day) => signIn(day, PLACES.sanFrancisco));
    expect(run([...nine, signIn(8, PLACES.lagos)])).toHaveLength(0);
    expect(run([...nine, signIn(7.8, PLACES.sanFrancisco), signIn(8, PLACES.lagos)])).toHaveLength(1);
  });

  it('given 20 sign-ins within 6 days (learning period not over), when a new country appears, then quiet', () => {
    expect(run([...routine(6), signIn(6.2, PLACES.lagos)])).toHaveLength(0);
  });

  it('given the tenant sets learningDays 0 and minPriorSignIns 1, when the second sign-in is abroad, then it fires', () => {
    expect(run([signIn(0, PLACES.sanFrancisco), signIn(0.1, PLACES.berlin)], { learningDays: 0, minPriorSignIns: 1 })).toHaveLength(1);
  });

  it("given a brand new user's very first sign-in, when run with any settings, then it never fires", () => {
    expect(run([signIn(0, PLACES.lagos)], { learningDays: 0, minPriorSignIns: 0 })).toHaveLength(0);
  });

  it('given a new country, when the user signs in from it again, then only the first sign-in fires', () => {
    expect(run([...routine(14), signIn(14.5, PLACES.berlin), signIn(14.6, PLACES.berlin), signIn(16, PLACES.berlin)])).toHaveLength(1);
  });

  it('given the baseline was built in earlier runs, when the state is exported and loaded, then the next run fires on a new country', () => {
    const first = new DetectionEngine(resolved());
    for (const e of routine(14)) first.process(normalize(e));
    const saved = [...first.export()];
    expect(saved).toHaveLength(1);
    expect(saved[0].expiresAt - saved[0].lastSeen).toBe(90 * 24 * 60 * 60_000);
    const second = new DetectionEngine(resolved());
    for (const s of saved) second.load(JSON.parse(JSON.stringify(s)));
    expect(second.process(normalize(signIn(14.5, PLACES.moscow)))).toHaveLength(1);
    expect(second.process(normalize(signIn(14.6, PLACES.sanFrancisco)))).toHaveLength(0);
  });

  it('given a run without the saved baseline, when the same sign-in comes, then it is quiet (learning again)', () => {
    const engine = new DetectionEngine(resolved());
    expect(engine.process(normalize(signIn(14.5, PLACES.moscow)))).toHaveLength(0);
  });

  it('given a user visiting many countries, when processed, then the known countries stay bounded by maxCountries', () => {
    const engine = new DetectionEngine(resolved({ maxCountries: 3 }));
    const events = [...routine(14), ...Array.from({ length: 10 }, (_, i) => signIn(15 + i, place(`Country ${i}`, `192.0.2.${i + 1}`)))];
    for (const e of events) engine.process(normalize(e));
    const [entry] = [...engine.export()];
    const state = entry.state as NewCountryState;
    expect(state.countries).toHaveLength(3);
    expect(state.countries.map((c) => c[0])).toEqual(['Country 7', 'Country 8', 'Country 9']);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it('given memoryDays 30, when the user returns to a country after 46 days, then it is new again', () => {
    const events = [signIn(0, PLACES.berlin), ...routine(45, 1), signIn(46, PLACES.berlin)];
    expect(run(events)).toHaveLength(0);
    expect(run(events, { memoryDays: 30 })).toHaveLength(1);
  });

  it('given sign-ins without a country (client {}), when run, then they neither throw nor count', () => {
    expect(run([...routine(14), withQuirks(signIn(14.5, PLACES.lagos))])).toHaveLength(0);
  });

  it('given the same events, when run twice, then the findings are identical', () => {
    const events = [...routine(14), signIn(14.5, PLACES.lagos), signIn(15.5, PLACES.moscow)];
    expect(run(events)).toEqual(run(events));
  });
});
