import { BROWSER_UA, logEvent, minutes, person, type Place, PLACES, userActor } from '../../../okta/fixtures';
import { SF_OFFICE } from '../../fixture-builders/places';
import { ADMIN_CONSOLE_CLIENT_ID, OKTA_INTEGRATIONS_UA } from '../../kit/okta-internal';
import { fixtureTable } from '../../fixture-table';
import detection from './session-hijack';

const victim = person('priya.nair@example.com');
const T0 = '2026-11-04T13:05:00Z';
const SID = 'idxR4nd0mS3ss10nV1ct1m01';

export const WINDOWS_FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
export const WINDOWS_EDGE = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86';
export const IPHONE_SAFARI = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
/** The victim's browser after an automatic update. */
export const BROWSER_UA_UPDATED = BROWSER_UA.replace('Chrome/131.0.0.0', 'Chrome/132.0.0.0');

export const sessionEvent = (
  eventType: string,
  at: number,
  place: Place,
  userAgent: string,
  opts: { sessionId?: string; dtHash?: string; outcome?: 'SUCCESS' | 'ALLOW' | 'DENY' | 'FAILURE'; who?: ReturnType<typeof person> } = {},
) =>
  logEvent({
    eventType,
    at,
    actor: userActor(opts.who ?? victim),
    place,
    userAgent,
    sessionId: opts.sessionId,
    outcome: opts.outcome ?? (eventType === 'policy.evaluate_sign_on' ? 'ALLOW' : 'SUCCESS'),
    target:
      eventType === 'user.authentication.sso'
        ? [{ id: '0oa1salesforce0000001', type: 'AppInstance', alternateId: 'Salesforce', displayName: 'Salesforce', detailEntry: { signOnModeType: 'SAML_2_0' } }]
        : [],
    debugData: { dtHash: opts.dtHash ?? 'a6c1e3f0b2d94c4e8f1a7b5d3c2e9f10a6c1e3f0b2d94c4e8f1a7b5d3c2e9f10', threatSuspected: 'false' },
  });

/** An AWS address Okta's own services call from, as in Okta's knowledge-base article (Okta runs on AWS). */
const OKTA_CLOUD: Place = { ip: '18.220.28.44', city: 'Columbus', state: 'Ohio', country: 'United States', lat: 39.96, lon: -83, asOrg: 'amazon.com, inc.', isp: 'amazon.com' };
/** Okta's own network as the System Log names it. */
const OKTA_NETWORK: Place = { ip: '54.200.12.7', city: 'Boardman', state: 'Oregon', country: 'United States', lat: 45.84, lon: -119.7, asOrg: 'okta, inc.', isp: 'okta', domain: 'okta.com' };

const start = (at: number, place: Place, ua: string, sessionId = SID) => sessionEvent('user.session.start', at, place, ua, { sessionId });
const sso = (at: number, place: Place, ua: string, sessionId = SID) => sessionEvent('user.authentication.sso', at, place, ua, { sessionId });

export default fixtureTable(detection, {
  positive: [
    {
      name: 'session cookie replayed from Lagos on another browser and OS 40 minutes after sign-in',
      events: [start(minutes(T0, 0), PLACES.sanFrancisco, BROWSER_UA), sso(minutes(T0, 5), PLACES.sanFrancisco, BROWSER_UA), sso(minutes(T0, 40), PLACES.lagos, WINDOWS_FIREFOX), sso(minutes(T0, 42), PLACES.lagos, WINDOWS_FIREFOX)],
      expect: [{ subject: { type: 'user', id: victim.id }, windowStart: '2026-11-04T13:10:00.000Z', windowEnd: '2026-11-04T13:45:00.000Z' }],
    },
    {
      name: 'no session id: the same device token (dtHash) evaluated from Moscow on Windows',
      events: [
        sessionEvent('policy.evaluate_sign_on', minutes(T0, 0), PLACES.sanFrancisco, BROWSER_UA, { dtHash: 'f00dcafe' }),
        sessionEvent('policy.evaluate_sign_on', minutes(T0, 90), PLACES.moscow, WINDOWS_EDGE, { dtHash: 'f00dcafe' }),
      ],
      expect: [{ subject: { type: 'user', id: victim.id }, windowStart: '2026-11-04T13:05:00.000Z', windowEnd: '2026-11-04T14:35:00.000Z' }],
    },
    {
      name: 'tenant counts any IP change within a session (minClients 1)',
      events: [start(minutes(T0, 0), PLACES.sanFrancisco, BROWSER_UA), sso(minutes(T0, 30), PLACES.newYork, BROWSER_UA)],
      expect: [{ subject: { type: 'user', id: victim.id }, windowStart: '2026-11-04T13:05:00.000Z', windowEnd: '2026-11-04T13:35:00.000Z' }],
      params: { minClients: 1 },
    },
  ],
  negative: [
    {
      name: "an admin's session: Okta's integrations act in it with the Okta-Integrations user agent from Okta's cloud IPs",
      events: [start(minutes(T0, 0), PLACES.sanFrancisco, BROWSER_UA), sso(minutes(T0, 3), OKTA_CLOUD, OKTA_INTEGRATIONS_UA), sso(minutes(T0, 9), OKTA_CLOUD, OKTA_INTEGRATIONS_UA)],
      expect: [],
    },
    {
      name: "an admin's session: the Admin Console's own client (client.id okta.b58d5b75-...) from another IP and client",
      events: [start(minutes(T0, 0), PLACES.sanFrancisco, BROWSER_UA), { ...sso(minutes(T0, 4), OKTA_CLOUD, WINDOWS_EDGE), client: { ...sso(minutes(T0, 4), OKTA_CLOUD, WINDOWS_EDGE).client, id: ADMIN_CONSOLE_CLIENT_ID } }],
      expect: [],
    },
    {
      name: "a session event from Okta's own network (AS organisation okta)",
      events: [start(minutes(T0, 0), PLACES.sanFrancisco, BROWSER_UA), sso(minutes(T0, 6), OKTA_NETWORK, WINDOWS_EDGE)],
      expect: [],
    },
    {
      name: 'laptop moves from home to the office and the browser updates itself',
      events: [start(minutes(T0, 0), PLACES.sanFrancisco, BROWSER_UA), sso(minutes(T0, 50), SF_OFFICE, BROWSER_UA), sso(minutes(T0, 120), SF_OFFICE, BROWSER_UA_UPDATED)],
      expect: [],
    },
    {
      name: 'laptop and phone each have their own session',
      events: [start(minutes(T0, 0), PLACES.sanFrancisco, BROWSER_UA, 'idxLaptopSession0001'), start(minutes(T0, 10), SF_OFFICE, IPHONE_SAFARI, 'idxPhoneSession00001')],
      expect: [],
    },
    {
      name: 'second client only after the window has passed',
      events: [start(minutes(T0, 0), PLACES.sanFrancisco, BROWSER_UA), sso(minutes(T0, 9 * 60), PLACES.lagos, WINDOWS_FIREFOX)],
      expect: [],
    },
    {
      name: 'replay attempts denied by policy do not count',
      events: [
        start(minutes(T0, 0), PLACES.sanFrancisco, BROWSER_UA),
        sessionEvent('policy.evaluate_sign_on', minutes(T0, 30), PLACES.lagos, WINDOWS_FIREFOX, { sessionId: SID, outcome: 'DENY' }),
      ],
      expect: [],
    },
  ],
});
