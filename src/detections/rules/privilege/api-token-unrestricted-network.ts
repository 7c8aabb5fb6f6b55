import { actorContext, actorLabel, inList, named, objectName, succeeded } from '../../kit/admin-change';
import { tokenNetwork, tokenTarget } from '../../kit/api-token';
import { singleEvent } from '../../kit/single-event';

/** An API token created or changed so it can be used from any IP. */
export default singleEvent({
  id: 'okta-api-token-unrestricted-network',
  title: 'API token usable from any network',
  description:
    'An Okta API token was created or updated with no network restriction (`system.api_token.create` / `update` with ' +
    '`debugData.networkConnection` ANYWHERE). Such a token works from anywhere on the internet if it leaks or was minted ' +
    'by an attacker; Okta recommends restricting every token to network zones. Allow-listed actors are not exempt: ' +
    'an unrestricted token is a finding whoever made it (exempt a token by name with `allowedTokens`).',
  severity: 'high',
  mitre: { tactic: 'Persistence', technique: 'T1098.001', name: 'Account Manipulation: Additional Cloud Credentials' },
  mode: 'near-time',
  eventTypes: ['system.api_token.create', 'system.api_token.update'],
  defaults: { allowedTokens: [] as readonly string[] },
  match(e, p) {
    if (!succeeded(e) || tokenNetwork(e) !== 'ANYWHERE') return undefined;
    const token = tokenTarget(e);
    if (inList(token?.displayName, p.allowedTokens) || inList(token?.id, p.allowedTokens)) return undefined;
    const verb = e.eventType === 'system.api_token.create' ? 'created' : 'changed';
    return {
      subject: token ? { type: 'token', id: token.id, display: objectName(token) } : { type: 'token', id: `event:${e.uuid}`, display: 'unknown token' },
      summary: `${actorLabel(e)} ${verb} ${named('API token', token)} usable from any network`,
      context: { ...actorContext(e), eventType: e.eventType, token: token?.displayName, networkConnection: 'ANYWHERE', unrestrictedNetwork: true },
    };
  },
  status: 'stable',
  falsePositives: [
    'An integration running from a cloud provider whose addresses change, where the admin chose no network restriction',
  ],
  runbook: {
    check: [
      'The token\'s creator and purpose',
      'Whether the integration could run from a network zone',
    ],
    act: [
      'Restrict the token to a network zone (or revoke and recreate it); if nobody owns it, revoke it',
    ],
  },
  references: [
    'okta/customer-detections api_token_excessive_network_access (create/update with debugContext.debugData.networkConnection eq "ANYWHERE")',
    'https://developer.okta.com/docs/api/openapi/okta-management/management/tag/ApiToken/ (network.connection ANYWHERE | ZONE)',
  ],
});
