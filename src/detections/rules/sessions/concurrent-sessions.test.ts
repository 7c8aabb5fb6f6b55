import { normalize } from '../../../okta/event';
import { minutes, type Place, PLACES, withQuirks } from '../../../okta/fixtures';
import type { OktaLogEvent } from '../../../okta/log-event';
import { DetectionEngine } from '../../engine';
import { SF_CELL, SF_OFFICE } from '../../fixture-builders/places';
import { detectAll } from '../../reorder';
import type { Detection, Params } from '../../types';
import detection, { type ConcurrentSessionsParams, type ConcurrentSessionsState, MAX_STARTS } from './concurrent-sessions';
import { start } from './concurrent-sessions.fixtures';

const d = detection as unknown as Detection<Params, unknown>;
const T0 = '2026-11-09T10:00:00Z';
const places: Place[] = [PLACES.sanFrancisco, PLACES.lagos, PLACES.moscow, PLACES.newYork, PLACES.berlin, PLACES.london];

const resolved = (params: Partial<ConcurrentSessionsParams> = {}) => [{ detection: d, params: { ...d.defaults, ...params } as Params }];
const run = (events: OktaLogEvent[], params: Partial<ConcurrentSessionsParams> = {}) => detectAll(resolved(params), events.map(normalize));
/** n sessions, each from the next place, `gap` minutes apart. */
const sessions = (n: number, gap = 5, from = 0) => Array.from({ length: n }, (_, i) => start(minutes(T0, from + i * gap), places[i % places.length], from * 100 + i));

describe('okta-concurrent-sessions', () => {
  it('given 4 sessions from 4 IPs (threshold - 1), when run, then quiet', () => {
    expect(run(sessions(4))).toHaveLength(0);
  });

  it('given 5 sessions from 5 IPs, when run, then one finding with the sessions and IPs', () => {
    const events = sessions(5);
    const [f, ...rest] = run(events);
    expect(rest).toHaveLength(0);
    expect(f.context?.sessions).toBe(5);
    expect(f.context?.ips).toHaveLength(5);
    expect(f.eventUuids).toEqual(events.map((e) => e.uuid));
    expect(f.windowStart).toBe(events[0].published);
  });

  it('given 5 sessions from only 2 IPs (IPs threshold - 1), when run, then quiet; with minIps 2 it fires', () => {
    const events = [0, 1, 2, 3, 4].map((i) => start(minutes(T0, i * 5), i % 2 ? PLACES.sanFrancisco : SF_OFFICE, i));
    expect(run(events)).toHaveLength(0);
    expect(run(events, { minIps: 2, minNetworks: 2 })).toHaveLength(1);
  });

  it('given a new phone signing in to 6 apps (fresh carrier address each time, some on home Wi-Fi), when run, then quiet: many IPs, two networks', () => {
    const carrier = (n: number): Place => ({ ...SF_CELL, ip: `2607:fb90:${n.toString(16)}:1c2d::${(n * 7).toString(16)}` });
    const events = [0, 1, 2, 3, 4, 5].map((i) => start(minutes(T0, i * 4), i % 3 === 0 ? PLACES.sanFrancisco : carrier(i), i));
    expect(run(events)).toHaveLength(0);
    // The same burst with an attacker's network in it is a finding.
    const [f] = run([...events, start(minutes(T0, 25), PLACES.lagos, 9)]);
    expect(f.context).toMatchObject({ sessions: 7, networks: ['comcast', 't-mobile usa', 'mtn nigeria'] });
  });

  it('given sessions without AS information (null security context), when run, then each IP is its own network', () => {
    expect(run(sessions(5).map((e) => withQuirks(e, { nullSecurity: true })))).toHaveLength(1);
  });

  it('given 5 sessions spread beyond the window, when run, then quiet; with a wider window it fires', () => {
    expect(run(sessions(5, 20))).toHaveLength(0);
    expect(run(sessions(5, 20), { windowMinutes: 120 })).toHaveLength(1);
  });

  it('given a tenant limit of 10, when 9 then 10 sessions, then quiet then fires', () => {
    expect(run(sessions(9, 3), { maxSessions: 10 })).toHaveLength(0);
    expect(run(sessions(10, 3), { maxSessions: 10 })).toHaveLength(1);
  });

  it('given the sessions straddle two hourly runs, when state is exported and loaded, then the second run fires', () => {
    const events = sessions(5, 10, 30); // 10:30 .. 11:10
    const first = new DetectionEngine(resolved());
    for (const e of events.slice(0, 3)) expect(first.process(normalize(e))).toHaveLength(0);
    const saved = [...first.export()];
    expect(saved[0].expiresAt - saved[0].lastSeen).toBe(60 * 60_000);
    const second = new DetectionEngine(resolved());
    for (const s of saved) second.load(JSON.parse(JSON.stringify(s)));
    const findings = events.slice(3).flatMap((e) => second.process(normalize(e)));
    expect(findings).toHaveLength(1);
  });

  it('given a continuing burst of sessions, when run over 50 minutes, then one finding for the window', () => {
    expect(run(sessions(12, 4))).toHaveLength(1);
  });

  it('given a flood of sessions, when processed, then the state stays bounded', () => {
    const engine = new DetectionEngine(resolved({ windowMinutes: 600 }));
    for (let i = 0; i < 500; i++) engine.process(normalize(start(minutes(T0, i), places[i % places.length], i)));
    const [entry] = [...engine.export()];
    expect((entry.state as ConcurrentSessionsState).starts.length).toBeLessThanOrEqual(MAX_STARTS);
  });

  it('given sign-ins with Okta\'s "unknown" session id, when run, then they are not counted as sessions', () => {
    const e = (i: number) => {
      const x = start(minutes(T0, i), places[i], i);
      return { ...x, authenticationContext: { ...x.authenticationContext, externalSessionId: 'unknown', rootSessionId: null } };
    };
    expect(run([0, 1, 2, 3, 4].map(e))).toHaveLength(0);
  });

  it('given quirky events, when run, then it does not throw', () => {
    expect(() => run(sessions(6).map((e) => withQuirks(e)))).not.toThrow();
  });
});
