import { label } from '../../../okta/event';
import { succeeded } from '../../kit/admin-change';
import { nonUserTarget } from '../../kit/mfa';
import { isSystemActor } from '../../kit/okta-support';
import { singleEvent } from '../../kit/single-event';

/** A factor type / authenticator switched off for the whole org. */
export default singleEvent<Record<string, never>>({
  id: 'okta-mfa-factor-disabled-org-wide',
  title: 'MFA factor type disabled for the org',
  description:
    'An administrator deactivated an MFA factor type for the whole org: `system.mfa.factor.deactivate` (Classic) or `security.authenticator.lifecycle.deactivate` (Identity Engine authenticators). Removing a factor such as Okta Verify or FIDO2 can silently downgrade every policy that relied on it, or push users to weaker factors an attacker can phish or SIM-swap; it is rare and should always be a planned change. Deactivations by Okta (system@okta.com, e.g. from Okta Support tooling) are reported here too, with `context.oktaSupport`.',
  severity: 'high',
  mitre: { tactic: 'Defense Evasion', technique: 'T1556.006', name: 'Modify Authentication Process: Multi-Factor Authentication' },
  mode: 'near-time',
  eventTypes: ['system.mfa.factor.deactivate', 'security.authenticator.lifecycle.deactivate'],
  defaults: {},
  match(e) {
    if (!succeeded(e)) return undefined;
    const factor = nonUserTarget(e);
    const name = factor?.displayName ?? e.debug('factorType') ?? e.debug('factor') ?? 'an MFA factor';
    const byOkta = isSystemActor(e.actor);
    return {
      subject: { type: 'org', id: `factor:${factor?.id ?? name}`, display: `${name} (org-wide)` },
      summary: `${byOkta ? 'Okta (system@okta.com)' : label(e.actor)} deactivated ${name} for the whole org`,
      context: { eventType: e.eventType, factor: name, factorId: factor?.id, factorType: factor?.type, actor: label(e.actor), oktaSupport: byOkta, ip: e.ip, country: e.country, userAgent: e.userAgent },
    };
  },
  status: 'stable',
  falsePositives: [
    'Retiring a weak factor (SMS, voice) on purpose',
  ],
  runbook: {
    check: [
      'Which factor type and who deactivated it',
      'Users left without a factor',
    ],
    act: [
      'Re-enable the factor if unplanned and review the admin session',
    ],
  },
  references: [
    'panther-analysis okta_admin_disabled_mfa (system.mfa.factor.deactivate, high)',
    'https://help.okta.com/wf/en-us/content/topics/workflows/connector-reference/oktadevices/events/authenticatordeactivated.htm (security.authenticator.lifecycle.deactivate)',
  ],
});
