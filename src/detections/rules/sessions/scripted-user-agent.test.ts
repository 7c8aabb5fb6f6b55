import { normalize } from '../../../okta/event';
import { BROWSER_UA, minutes, withQuirks } from '../../../okta/fixtures';
import type { OktaLogEvent } from '../../../okta/log-event';
import { detectAll } from '../../reorder';
import type { Detection, Params } from '../../types';
import detection, { type ScriptedUserAgentParams } from './scripted-user-agent';
import { SERVICE_ACCOUNT, signIn, UA } from './scripted-user-agent.fixtures';

const d = detection as unknown as Detection<Params, unknown>;
const T0 = '2026-11-06T03:15:00Z';
const run = (events: OktaLogEvent[], params: Partial<ScriptedUserAgentParams> = {}) => detectAll([{ detection: d, params: { ...d.defaults, ...params } as Params }], events.map(normalize));

describe('okta-scripted-user-agent', () => {
  it.each([
    ['curl', UA.curl, 'curl/'],
    ['python-requests', UA.pythonRequests, 'python-requests'],
    ['Go-http-client', UA.go, 'go-http-client'],
    ['HeadlessChrome', UA.headless, 'headlesschrome'],
    ['PhantomJS', UA.phantom, 'phantomjs'],
    ['PowerShell', 'Mozilla/5.0 (Windows NT 10.0; Microsoft Windows 10.0.22631; en-US) PowerShell/7.4.6', 'powershell/'],
  ])('given a successful sign-in from %s, when run, then one finding names the tool', (_n, ua, matched) => {
    const [f, ...rest] = run([signIn(minutes(T0, 0), ua)]);
    expect(rest).toHaveLength(0);
    expect(f.context?.matched).toBe(matched);
    expect(f.context?.userAgent).toBe(ua);
    expect(f.subject.type).toBe('user');
  });

  it('given upper-case patterns from a tenant file, when matching, then case does not matter', () => {
    expect(run([signIn(minutes(T0, 0), 'ACME-Sync/2.1')], { userAgentPatterns: ['acme-SYNC'] })).toHaveLength(1);
  });

  it('given an empty pattern list or blank patterns, when run, then nothing fires', () => {
    expect(run([signIn(minutes(T0, 0), UA.curl)], { userAgentPatterns: [] })).toHaveLength(0);
    expect(run([signIn(minutes(T0, 0), UA.curl)], { userAgentPatterns: ['  ', ''] })).toHaveLength(0);
  });

  it('given browsers and Okta Verify, when run, then nothing fires', () => {
    expect(run([signIn(minutes(T0, 0), BROWSER_UA), signIn(minutes(T0, 1), UA.edge), signIn(minutes(T0, 2), UA.oktaVerify)])).toHaveLength(0);
  });

  it('given the service account allow-listed by id, when it signs in with python-requests, then quiet', () => {
    expect(run([signIn(minutes(T0, 0), UA.pythonRequests, { who: SERVICE_ACCOUNT })], { allowedUsers: [SERVICE_ACCOUNT.id] })).toHaveLength(0);
    expect(run([signIn(minutes(T0, 0), UA.pythonRequests, { who: SERVICE_ACCOUNT })])).toHaveLength(1);
  });

  it('given failures, when includeFailures is off then quiet, on then it fires', () => {
    expect(run([signIn(minutes(T0, 0), UA.curl, { outcome: 'FAILURE' })])).toHaveLength(0);
    expect(run([signIn(minutes(T0, 0), UA.curl, { outcome: 'FAILURE' })], { includeFailures: true })).toHaveLength(1);
  });

  it('given repeated scripted sign-ins by one user in one hour, when run, then one finding', () => {
    expect(run([0, 5, 10, 15].map((n) => signIn(minutes(T0, n), UA.curl)))).toHaveLength(1);
  });

  it('given a sign-in without a user agent (client {}), when run, then it neither throws nor fires', () => {
    expect(run([withQuirks(signIn(minutes(T0, 0), UA.curl))])).toHaveLength(0);
  });
});
