import { actorAllowed, actorContext, actorLabel, inList, named, objectName, succeeded, targetOfType } from '../../kit/admin-change';
import { changeDetails } from '../../kit/change-details';
import { singleEvent } from '../../kit/single-event';

const ACTIONS: Readonly<Record<string, string>> = {
  'system.idp.lifecycle.create': 'created',
  'system.idp.lifecycle.update': 'updated',
  'system.idp.lifecycle.activate': 'activated',
  'system.idp.lifecycle.deactivate': 'deactivated',
  'system.idp.lifecycle.delete': 'deleted',
};
/** Taking an IdP away locks its users out, or removes the trace of one used to get in: reported, at medium. */
const REMOVALS = new Set(['system.idp.lifecycle.deactivate', 'system.idp.lifecycle.delete']);

/** An identity provider added, changed or switched on (a federated back door into every app), or switched off or removed. */
export default singleEvent({
  id: 'okta-idp-created-or-modified',
  title: 'Identity provider created, modified or removed',
  description:
    'An external identity provider was created, updated or activated (`system.idp.lifecycle.create/update/activate`), or deactivated or deleted (`system.idp.lifecycle.deactivate/delete`). ' +
    'Attackers with admin access add an IdP they control (or repoint an existing one) and use inbound federation to sign ' +
    'in as any user, without passwords or MFA: the cross-tenant impersonation seen against Okta customers in 2023. ' +
    'New IdPs are rare; every one deserves a check. Deactivating or deleting an IdP locks its users out of every app ' +
    '(sabotage, or cover for a takeover) or removes the trace of one an attacker added and used: reported at medium.',
  severityNote: 'medium when the IdP is deactivated or deleted',
  severity: 'high',
  mitre: { tactic: 'Defense Evasion', technique: 'T1484.002', name: 'Domain or Tenant Policy Modification: Trust Modification' },
  mode: 'near-time',
  eventTypes: Object.keys(ACTIONS),
  defaults: { allowedActors: [] as readonly string[], ignoreIdps: [] as readonly string[] },
  match(e, p) {
    if (!succeeded(e) || actorAllowed(e, p.allowedActors)) return undefined;
    const idp = targetOfType(e, ['IdentityProvider', 'IdP']);
    if (inList(idp?.displayName, p.ignoreIdps) || inList(idp?.id, p.ignoreIdps)) return undefined;
    const action = ACTIONS[e.eventType];
    return {
      severity: REMOVALS.has(e.eventType) ? 'medium' : undefined,
      subject: idp ? { type: 'idp', id: idp.id, display: objectName(idp) } : { type: 'idp', id: `event:${e.uuid}`, display: 'unknown identity provider' },
      summary: `${actorLabel(e)} ${action} ${named('identity provider', idp, ['IdP'])}`,
      context: { ...actorContext(e), eventType: e.eventType, action, idp: idp?.displayName, idpType: e.debug('idpType') ?? e.debug('protocolType'), changeDetails: changeDetails(e).length > 0 },
    };
  },
  status: 'stable',
  falsePositives: [
    'A planned federation with a partner or an acquisition\'s directory',
    'Certificate rollovers on an existing IdP (updates)',
    'Retiring an IdP nobody uses (deactivate, delete)',
  ],
  runbook: {
    check: [
      'The IdP\'s type, issuer and routing rules: which users can it sign in as',
      'Sign-ins through the IdP since (user.authentication.auth_via_IDP)',
      'For a deactivation or deletion: whether users relied on it (a sign-in outage as cover or sabotage)',
    ],
    act: [
      'If unplanned: deactivate the IdP, clear sessions of users who signed in through it, and review the admin\'s account',
    ],
  },
  differences: [
    'An update is high like a creation (panther-analysis rates every change but a creation medium): repointing an existing IdP is the cross-tenant impersonation step, and it looks like routine maintenance',
  ],
  references: [
    'okta/customer-detections new_idp_created (system.idp.lifecycle.create)',
    'panther-analysis okta_idp_create_modify (every system.idp.lifecycle.*; create high, others medium)',
    'Splunk okta_idp_lifecycle_modifications (create, activate, deactivate, delete)',
    'https://sec.okta.com/articles/2023/08/cross-tenant-impersonation-prevention-and-detection',
  ],
});
