import { BROWSER_UA, logEvent, minutes, person, type Place, PLACES, userActor } from '../../../okta/fixtures';
import { fixtureTable } from '../../fixture-table';
import detection from './scripted-user-agent';

const user = person('tom.becker@example.com');
export const SERVICE_ACCOUNT = person('svc-reporting@example.com');
const T0 = '2026-11-06T03:15:00Z';

export const UA = {
  curl: 'curl/8.5.0',
  pythonRequests: 'python-requests/2.32.3',
  go: 'Go-http-client/2.0',
  headless: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.6778.85 Safari/537.36',
  phantom: 'Mozilla/5.0 (Unknown; Linux x86_64) AppleWebKit/538.1 (KHTML, like Gecko) PhantomJS/2.1.1 Safari/538.1',
  oktaVerify: 'Okta Verify/9.28.1 (Macintosh; Intel Mac OS X 14_6) Okta-Device-SDK',
  edge: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86',
};

export const signIn = (at: number, userAgent: string, opts: { outcome?: 'SUCCESS' | 'FAILURE'; place?: Place; who?: ReturnType<typeof person> } = {}) =>
  logEvent({
    eventType: 'user.session.start',
    at,
    actor: userActor(opts.who ?? user),
    place: opts.place ?? PLACES.berlin,
    userAgent,
    outcome: opts.outcome ?? 'SUCCESS',
    reason: opts.outcome === 'FAILURE' ? 'INVALID_CREDENTIALS' : null,
    displayMessage: 'User login to Okta',
    credentialType: 'PASSWORD',
  });

export default fixtureTable(detection, {
  positive: [
    { name: 'curl', events: [signIn(minutes(T0, 0), UA.curl)], expect: [{ subject: { type: 'user', id: user.id } }] },
    { name: 'python-requests', events: [signIn(minutes(T0, 0), UA.pythonRequests)], expect: [{ subject: { type: 'user', id: user.id } }] },
    { name: 'Go-http-client (any case)', events: [signIn(minutes(T0, 0), UA.go)], expect: [{ subject: { type: 'user', id: user.id } }] },
    { name: 'HeadlessChrome', events: [signIn(minutes(T0, 0), UA.headless)], expect: [{ subject: { type: 'user', id: user.id } }] },
    { name: 'PhantomJS', events: [signIn(minutes(T0, 0), UA.phantom)], expect: [{ subject: { type: 'user', id: user.id } }] },
    { name: 'tenant adds its own tool to the list', events: [signIn(minutes(T0, 0), 'AcmeScraper/1.0')], expect: [{ subject: { type: 'user', id: user.id } }], params: { userAgentPatterns: ['acmescraper'] } },
    { name: 'tenant also wants failed attempts', events: [signIn(minutes(T0, 0), UA.curl, { outcome: 'FAILURE' })], expect: [{ subject: { type: 'user', id: user.id } }], params: { includeFailures: true } },
  ],
  negative: [
    { name: 'a desktop browser', events: [signIn(minutes(T0, 0), BROWSER_UA), signIn(minutes(T0, 5), UA.edge)], expect: [] },
    { name: 'Okta Verify', events: [signIn(minutes(T0, 0), UA.oktaVerify)], expect: [] },
    { name: 'failed scripted attempts (left to brute-force rules)', events: [signIn(minutes(T0, 0), UA.pythonRequests, { outcome: 'FAILURE' })], expect: [] },
    {
      name: 'an allow-listed service account',
      events: [signIn(minutes(T0, 0), UA.pythonRequests, { who: SERVICE_ACCOUNT })],
      expect: [],
      params: { allowedUsers: ['SVC-Reporting@example.com'] },
    },
    { name: 'an allow-listed automation network', events: [signIn(minutes(T0, 0), UA.curl)], expect: [], params: { allowedIps: ['203.0.113.0/25'] } },
  ],
});
