import { actorAllowed, actorContext, actorLabel, named, objectName, succeeded } from '../../kit/admin-change';
import { tokenNetwork, tokenTarget } from '../../kit/api-token';
import { singleEvent } from '../../kit/single-event';

/** A new SSWS API token: a long-lived credential with its creator's admin rights. */
export default singleEvent({
  id: 'okta-api-token-created',
  title: 'API token created',
  description:
    'An Okta API (SSWS) token was created (`system.api_token.create`). A token carries the privileges of the admin who ' +
    'created it, does not expire while used and survives password and MFA resets: a favourite persistence step after an admin ' +
    'account is taken over. Tokens usable from any network (`debugData.networkConnection` ANYWHERE) are reported by ' +
    'okta-api-token-unrestricted-network at high severity instead, unless `includeUnrestricted` is set.',
  severity: 'medium',
  mitre: { tactic: 'Persistence', technique: 'T1098.001', name: 'Account Manipulation: Additional Cloud Credentials' },
  mode: 'near-time',
  eventTypes: ['system.api_token.create'],
  defaults: { allowedActors: [] as readonly string[], includeUnrestricted: false },
  match(e, p) {
    if (!succeeded(e) || actorAllowed(e, p.allowedActors)) return undefined;
    const network = tokenNetwork(e);
    if (network === 'ANYWHERE' && !p.includeUnrestricted) return undefined;
    const token = tokenTarget(e);
    return {
      subject: token ? { type: 'token', id: token.id, display: objectName(token) } : { type: 'token', id: `event:${e.uuid}`, display: 'unknown token' },
      summary: `${actorLabel(e)} created ${named('API token', token)}${network ? ` (network: ${network})` : ''}`,
      context: { ...actorContext(e), token: token?.displayName, networkConnection: network ?? 'unknown', unrestrictedNetwork: network === undefined ? undefined : network === 'ANYWHERE' },
    };
  },
  status: 'stable',
  falsePositives: [
    'An integration engineer creating a token for a documented integration',
  ],
  runbook: {
    check: [
      'Who created the token, from where, and in which session (a recent admin grant or suspicious sign-in?)',
      'The token\'s network restriction and the privileges of its creator',
    ],
    act: [
      'If unexpected: revoke the token (Security > API > Tokens), then review the creator\'s account for takeover',
    ],
  },
  references: [
    'okta/customer-detections new_api_token_created',
    'panther-analysis okta_api_key_created (severity info)',
    'Sigma okta_api_token_created',
  ],
});
