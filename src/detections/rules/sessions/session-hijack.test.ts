import { normalize } from '../../../okta/event';
import { BROWSER_UA, minutes, person, type Place, PLACES, withQuirks } from '../../../okta/fixtures';
import type { OktaLogEvent } from '../../../okta/log-event';
import { DetectionEngine } from '../../engine';
import { ADMIN_CONSOLE_CLIENT_ID } from '../../kit/okta-internal';
import { SF_OFFICE } from '../../fixture-builders/places';
import { detectAll } from '../../reorder';
import type { Detection, Params } from '../../types';
import detection, { MAX_SIGHTINGS, type SessionHijackParams, type SessionHijackState } from './session-hijack';
import { BROWSER_UA_UPDATED, IPHONE_SAFARI, sessionEvent, WINDOWS_EDGE, WINDOWS_FIREFOX } from './session-hijack.fixtures';

const d = detection as unknown as Detection<Params, unknown>;
const T0 = '2026-11-04T13:05:00Z';
const SID = 'idxTestSessionAAAAAAAAAAA';
const victim = person('priya.nair@example.com');

const resolved = (params: Partial<SessionHijackParams> = {}) => [{ detection: d, params: { ...d.defaults, ...params } as Params }];
const run = (events: OktaLogEvent[], params: Partial<SessionHijackParams> = {}) => detectAll(resolved(params), events.map(normalize));
const sso = (n: number, place: Place, ua: string, sessionId = SID) => sessionEvent('user.authentication.sso', minutes(T0, n), place, ua, { sessionId });

describe('okta-session-hijack', () => {
  it('given an admin session (it opened the Admin Console) replayed from Lagos, when run, then critical and said to be an Admin Console session; an ordinary session stays high', () => {
    const admin = sessionEvent('user.session.access_admin_app', minutes(T0, 2), PLACES.sanFrancisco, BROWSER_UA, { sessionId: SID });
    const [f] = run([sso(0, PLACES.sanFrancisco, BROWSER_UA), admin, sso(30, PLACES.lagos, WINDOWS_FIREFOX)]);
    expect(f.severity).toBe('critical');
    expect(f.summary).toMatch(/^Admin Console session of priya\.nair@example\.com used from 2 IPs/);
    expect(run([sso(0, PLACES.sanFrancisco, BROWSER_UA), sso(30, PLACES.lagos, WINDOWS_FIREFOX)])[0].severity).toBe('high');
  });

  it("given the Admin Console access logged by the console's own client (no sighting), when the session is replayed, then still an admin session", () => {
    const admin = sessionEvent('user.session.access_admin_app', minutes(T0, 2), PLACES.sanFrancisco, BROWSER_UA, { sessionId: SID });
    const byConsole = { ...admin, client: { ...admin.client, id: ADMIN_CONSOLE_CLIENT_ID } };
    const [f] = run([sso(0, PLACES.sanFrancisco, BROWSER_UA), byConsole, sso(30, PLACES.lagos, WINDOWS_FIREFOX)]);
    expect([f.severity, f.context?.ips]).toEqual(['critical', [PLACES.sanFrancisco.ip, PLACES.lagos.ip]]);
  });

  it('given a session used from San Francisco on a Mac and from Lagos on Windows, when run, then one finding about the user lists both IPs and clients', () => {
    const events = [sso(0, PLACES.sanFrancisco, BROWSER_UA), sso(30, PLACES.lagos, WINDOWS_FIREFOX)];
    const findings = run(events);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f.subject).toEqual({ type: 'user', id: victim.id, display: victim.login });
    expect(f.context?.session).toBe(SID);
    expect(f.context?.ips).toEqual([PLACES.sanFrancisco.ip, PLACES.lagos.ip]);
    expect(f.context?.userAgents).toHaveLength(2);
    expect(f.context?.asOrgs).toEqual(['comcast', 'mtn nigeria']);
    expect(f.eventUuids).toEqual(events.map((e) => e.uuid));
  });

  it('given two IPs but one client (threshold - 1 on clients), when run, then it is quiet; with minClients 1 it fires', () => {
    const events = [sso(0, PLACES.sanFrancisco, BROWSER_UA), sso(20, SF_OFFICE, BROWSER_UA_UPDATED)];
    expect(run(events)).toHaveLength(0);
    expect(run(events, { minClients: 1 })).toHaveLength(1);
  });

  it('given two clients on one IP (threshold - 1 on IPs), when run, then it is quiet; with minIps 1 it fires', () => {
    const events = [sso(0, PLACES.sanFrancisco, BROWSER_UA), sso(20, PLACES.sanFrancisco, WINDOWS_EDGE)];
    expect(run(events)).toHaveLength(0);
    expect(run(events, { minIps: 1 })).toHaveLength(1);
  });

  it('given the tenant requires three IPs, when the session is seen from two, then quiet, and from three, then it fires', () => {
    expect(run([sso(0, PLACES.sanFrancisco, BROWSER_UA), sso(10, PLACES.lagos, WINDOWS_FIREFOX)], { minIps: 3 })).toHaveLength(0);
    expect(run([sso(0, PLACES.sanFrancisco, BROWSER_UA), sso(10, PLACES.lagos, WINDOWS_FIREFOX), sso(20, PLACES.moscow, WINDOWS_FIREFOX)], { minIps: 3 })).toHaveLength(1);
  });

  it('given the second client shows up after the window, when run, then it is quiet; with a longer window it fires', () => {
    const events = [sso(0, PLACES.sanFrancisco, BROWSER_UA), sso(9 * 60, PLACES.lagos, WINDOWS_FIREFOX)];
    expect(run(events)).toHaveLength(0);
    expect(run(events, { windowMinutes: 600 })).toHaveLength(1);
  });

  it('given the attacker keeps using the session for three hours, when run, then it fires once per window, not once per hour', () => {
    const events = [sso(0, PLACES.sanFrancisco, BROWSER_UA), ...[30, 90, 150, 210].map((n) => sso(n, PLACES.lagos, WINDOWS_FIREFOX)), sso(200, PLACES.moscow, IPHONE_SAFARI)];
    expect(run(events)).toHaveLength(1);
  });

  it('given the two uses fall in two hourly runs, when state is exported and loaded, then the second run fires', () => {
    const first = new DetectionEngine(resolved());
    first.process(normalize(sso(0, PLACES.sanFrancisco, BROWSER_UA)));
    const saved = [...first.export()];
    expect(saved.map((s) => s.key)).toEqual([`sid:${SID}`]);
    expect(saved[0].expiresAt - saved[0].lastSeen).toBe(480 * 60_000);
    const second = new DetectionEngine(resolved());
    for (const s of saved) second.load(JSON.parse(JSON.stringify(s)));
    expect(second.process(normalize(sso(70, PLACES.lagos, WINDOWS_FIREFOX)))).toHaveLength(1);
  });

  it('given events whose session is Okta\'s placeholder "unknown", when two users with different device tokens sign in, then they are not one session', () => {
    const a = sessionEvent('policy.evaluate_sign_on', minutes(T0, 0), PLACES.sanFrancisco, BROWSER_UA, { dtHash: 'aaaa' });
    const b = sessionEvent('policy.evaluate_sign_on', minutes(T0, 5), PLACES.lagos, WINDOWS_FIREFOX, { dtHash: 'bbbb', who: person('someone.else@example.com') });
    expect(normalize(a).sessionId).toBeUndefined(); // normalize() drops Okta's placeholder
    expect(run([a, b])).toHaveLength(0);
  });

  it('given the same device token for two different users, when run, then they are keyed apart and quiet', () => {
    const a = sessionEvent('policy.evaluate_sign_on', minutes(T0, 0), PLACES.sanFrancisco, BROWSER_UA, { dtHash: 'shared-kiosk' });
    const b = sessionEvent('policy.evaluate_sign_on', minutes(T0, 5), PLACES.lagos, WINDOWS_FIREFOX, { dtHash: 'shared-kiosk', who: person('kiosk.user@example.com') });
    expect(run([a, b])).toHaveLength(0);
  });

  it('given the tenant allow-lists its secure web gateway, when the other IP is the gateway, then quiet', () => {
    const events = [sso(0, PLACES.sanFrancisco, BROWSER_UA), sso(30, PLACES.newYork, WINDOWS_FIREFOX)];
    expect(run(events)).toHaveLength(1);
    expect(run(events, { allowedIps: ['198.51.100.64/26'] })).toHaveLength(0);
  });

  it('given hundreds of IP/client pairs on one session, when processed, then the state stays bounded and JSON-serializable', () => {
    const engine = new DetectionEngine(resolved());
    for (let i = 0; i < 300; i++) {
      const place: Place = { ...PLACES.lagos, ip: `192.0.2.${i % 250}` };
      engine.process(normalize(sso(i / 2, place, `${WINDOWS_FIREFOX} build-${String.fromCharCode(97 + (i % 26))}`)));
    }
    const [entry] = [...engine.export()];
    const state = entry.state as SessionHijackState;
    expect(state.seen.length).toBeLessThanOrEqual(MAX_SIGHTINGS);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it('given quirky events (empty client, null security, string debug), when run, then it neither throws nor fires', () => {
    const events = [withQuirks(sso(0, PLACES.sanFrancisco, BROWSER_UA)), withQuirks(sso(10, PLACES.lagos, WINDOWS_FIREFOX))];
    expect(run(events)).toHaveLength(0);
  });

  it('given the same events, when run twice, then the findings are identical', () => {
    const events = [sso(0, PLACES.sanFrancisco, BROWSER_UA), sso(30, PLACES.lagos, WINDOWS_FIREFOX), sso(31, PLACES.moscow, WINDOWS_EDGE)];
    expect(run(events)).toEqual(run(events));
  });
});
