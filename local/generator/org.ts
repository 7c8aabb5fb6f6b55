/**
 * What the generated org is made of besides its people: its apps and groups, the browsers and phones in use, and
 * the servers Okta sends its own events from. Chrome on a Mac is the fixtures' `BROWSER_UA`, Okta's own actor their
 * `OKTA_SYSTEM`.
 */
import type { Place } from '../../src/okta/fixtures';
import type { OktaActor } from '../../src/okta/log-event';

export interface App {
  readonly id: string;
  readonly name: string;
}

export const APPS: readonly App[] = [
  { id: '0oa1slack0000000001', name: 'Slack' },
  { id: '0oa1gwork0000000002', name: 'Google Workspace' },
  { id: '0oa1github000000003', name: 'GitHub Enterprise' },
  { id: '0oa1jira00000000004', name: 'Jira' },
  { id: '0oa1aws000000000005', name: 'AWS IAM Identity Center' },
  { id: '0oa1salesf000000006', name: 'Salesforce' },
];

export function appTarget(app: App): OktaActor {
  return { id: app.id, type: 'AppInstance', alternateId: app.name, displayName: app.name, detailEntry: { signOnModeType: 'SAML_2_0' } };
}

export const GROUPS: readonly OktaActor[] = [
  { id: '00g1engineering00001', type: 'UserGroup', alternateId: 'Engineering', displayName: 'Engineering', detailEntry: null },
  { id: '00g1sales0000000002', type: 'UserGroup', alternateId: 'Sales', displayName: 'Sales', detailEntry: null },
  { id: '00g1everyone0000003', type: 'UserGroup', alternateId: 'Everyone', displayName: 'Everyone', detailEntry: null },
];

export const IPHONE_UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
export const ANDROID_UA = 'Mozilla/5.0 (Linux; Android 15; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.81 Mobile Safari/537.36';
export const WINDOWS_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0';

/** The HR system's sync client: it reads the directory in bulk and creates the new hires (provisioning.ts). */
export const HR_SYNC: OktaActor = { id: '0oa1hrsyncclient0001', type: 'PublicClientApp', alternateId: 'HRIS sync', displayName: 'HRIS sync', detailEntry: null };

/** Okta's own servers: what `client` says on events Okta emits itself (emails, rate limits). */
export const OKTA_DC: Place = { ip: '3.217.166.60', city: 'Ashburn', state: 'Virginia', country: 'United States', lat: 39.0438, lon: -77.4874, asOrg: 'amazon.com, inc.', isp: 'amazon.com', asNumber: 14618 };

/** An actor Okta could not resolve to a user (a mistyped username, internet noise): id and name "unknown". */
export function unknownUser(alternateId: string): OktaActor {
  return { id: 'unknown', type: 'User', alternateId, displayName: 'unknown', detailEntry: null };
}
