import { label } from '../../../okta/event';
import { allowListed } from '../../kit/network';
import { signInUser } from '../../kit/sign-in';
import { singleEvent } from '../../kit/single-event';
import { userSubject } from '../../kit/subject';

export type ScriptedUserAgentParams = {
  /** Case-insensitive substrings of `client.userAgent.rawUserAgent` that mark an HTTP library or a headless browser. */
  userAgentPatterns: readonly string[];
  /** Also report failed sign-ins (credential stuffing tools fail far more often than they succeed). */
  includeFailures: boolean;
  /** Logins (alternateId) or user ids of accounts that legitimately sign in from scripts. */
  allowedUsers: readonly string[];
  allowedIps: readonly string[];
};

/** A user signing in from curl, python-requests, a headless browser and the like. */
export default singleEvent<ScriptedUserAgentParams>({
  id: 'okta-scripted-user-agent',
  title: 'Sign-in from a script or headless browser',
  description:
    'A successful sign-in (`user.session.start`) whose user agent is an HTTP library or automation tool (curl, python-requests, Go-http-client, HeadlessChrome, PhantomJS...). People sign in with browsers and Okta apps; a script that holds a user password is credential stuffing that worked, an adversary-in-the-middle kit, or a service account that should not use a human login.',
  severity: 'medium',
  mitre: { tactic: 'Initial Access', technique: 'T1078.004', name: 'Valid Accounts: Cloud Accounts' },
  mode: 'hourly',
  eventTypes: ['user.session.start'],
  defaults: {
    userAgentPatterns: [
      'curl/',
      'wget/',
      'python-requests',
      'python-urllib',
      'python-httpx',
      'aiohttp',
      'go-http-client',
      'headlesschrome',
      'phantomjs',
      'selenium',
      'puppeteer',
      'playwright',
      'node-fetch',
      'axios/',
      'undici',
      'libwww-perl',
      'lwp::',
      'scrapy',
      'httpie',
      'postmanruntime',
      'insomnia/',
      'apache-httpclient',
      'java-http-client',
      'windowspowershell',
      'powershell/',
      'faraday v',
      'mechanize',
      'masscan',
      'zgrab',
    ],
    includeFailures: false,
    allowedUsers: [],
    allowedIps: [],
  },
  match(e, p) {
    if (e.eventType !== 'user.session.start') return undefined;
    if (!(e.outcome === 'SUCCESS' || (p.includeFailures && e.outcome === 'FAILURE'))) return undefined;
    const user = signInUser(e);
    const ua = e.userAgent;
    if (!user || !ua || allowListed(e, p)) return undefined;
    const allowed = p.allowedUsers.map((u) => u.toLowerCase());
    if (allowed.includes(user.id.toLowerCase()) || (user.alternateId && allowed.includes(user.alternateId.toLowerCase()))) return undefined;
    const lower = ua.toLowerCase();
    const tool = p.userAgentPatterns.find((pattern) => pattern.trim() && lower.includes(pattern.trim().toLowerCase()));
    if (!tool) return undefined;
    return {
      subject: userSubject(user),
      summary: `${e.outcome === 'FAILURE' ? 'Failed sign-in' : 'Sign-in'} by ${label(user)} from a scripted client ("${tool}") at ${e.ip ?? 'an unknown IP'}`,
      context: { userAgent: ua, matched: tool, ip: e.ip, country: e.country, asOrg: e.asOrg, outcome: e.outcome },
    };
  },
  status: 'stable',
  falsePositives: [
    'An engineer testing sign-in with curl or a headless browser',
    'A service account using an SDK (allow-list it)',
  ],
  runbook: {
    check: [
      'Who signed in and from where',
      'What the scripted session did next',
    ],
    act: [
      'Allow-list known automation; otherwise reset the user\'s password and clear sessions',
    ],
  },
  differences: [
    'Successful sign-ins by default, parameterised tool list, per-user and network allow-lists',
  ],
  references: [
    'Sigma / Elastic: sign-ins with non-browser user agents (curl, python-requests, headless browsers)',
  ],
});
