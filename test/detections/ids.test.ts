/**
 * Detection ids are stable: tenant files, finding ids (detection + key + hour) and SNS attributes use them. This list
 * only grows; renaming or dropping an id breaks tenants' overrides and re-notifies stored findings under new ids.
 */
import { catalog } from '../../src/detections/catalog';

const RELEASED = [
  'okta-account-locked',
  'okta-admin-console-first-access',
  'okta-admin-role-granted',
  'okta-admin-role-granted-to-group',
  'okta-anonymizer-sign-in',
  'okta-api-token-created',
  'okta-api-token-unrestricted-network',
  'okta-app-password-read',
  'okta-app-password-revealed',
  'okta-app-sign-on-policy-changed',
  'okta-brute-force-user',
  'okta-concurrent-sessions',
  'okta-credential-stuffing',
  'okta-custom-admin-role-widened',
  'okta-fastpass-phishing-declined',
  'okta-identity-risk-high',
  'okta-idp-created-or-modified',
  'okta-impossible-travel',
  'okta-informational-admin-event',
  'okta-log-stream-tampered',
  'okta-mass-account-lockouts',
  'okta-mfa-bypass-attempt',
  'okta-mfa-factor-disabled-org-wide',
  'okta-mfa-factor-reset-by-other',
  'okta-mfa-push-fatigue',
  'okta-mfa-push-location-mismatch',
  'okta-mfa-self-reset-suspicious-session',
  'okta-network-zone-weakened',
  'okta-new-country-sign-in',
  'okta-oauth-refresh-token-reuse',
  'okta-org2org-app-changed',
  'okta-password-spray-distributed',
  'okta-password-spray-ip',
  'okta-rate-limit-violation',
  'okta-scripted-user-agent',
  'okta-session-hijack',
  'okta-sign-in-after-credential-attack',
  'okta-sign-on-policy-modified',
  'okta-sign-on-policy-weakened',
  'okta-support-credential-reset',
  'okta-support-impersonation',
  'okta-threatinsight-threat-detected',
  'okta-unassigned-app-access',
  'okta-user-reported-suspicious-activity',
];

it('given every detection id ever released, when the catalog is read, then each is still there (ids are stable)', () => {
  const ids = new Set(catalog.map((d) => d.id));
  expect(RELEASED.filter((id) => !ids.has(id))).toEqual([]);
});

it('given the catalog, then every detection is on the released list (a new detection adds its id here)', () => {
  expect(catalog.map((d) => d.id).filter((id) => !RELEASED.includes(id))).toEqual([]);
});
