import { label } from '../../../okta/event';
import { singleEvent } from '../../kit/single-event';
import { userSubject } from '../../kit/subject';
import type { Subject } from '../../types';

export type RefreshTokenReuseParams = {
  /** OAuth clients (id, client id or name) known to retry refresh tokens on flaky networks. */
  allowedClients: readonly string[];
};

/** A rotated refresh token presented again: someone else holds a copy of it. */
export default singleEvent<RefreshTokenReuseParams>({
  id: 'okta-oauth-refresh-token-reuse',
  title: 'OAuth refresh token reused',
  description:
    'Okta detected a refresh token that had already been rotated being used again (`app.oauth2.as.token.detect_reuse` for custom authorization servers, `app.oauth2.token.detect_reuse` for the org authorization server). With rotation, each refresh token works once: a second use means a copy was stolen and replayed. Okta revokes the token family; the finding says whose tokens and which client.',
  severity: 'high',
  mitre: { tactic: 'Defense Evasion', technique: 'T1550.001', name: 'Use Alternate Authentication Material: Application Access Token' },
  mode: 'near-time',
  eventTypes: ['app.oauth2.as.token.detect_reuse', 'app.oauth2.token.detect_reuse'],
  defaults: { allowedClients: [] },
  match(e, p) {
    if (e.eventType !== 'app.oauth2.as.token.detect_reuse' && e.eventType !== 'app.oauth2.token.detect_reuse') return undefined;
    const app = e.actor && e.actor.type !== 'User' ? e.actor : e.target('AppInstance') ?? e.target('PublicClientApp');
    const allowed = p.allowedClients.map((c) => c.trim().toLowerCase()).filter((c) => c);
    if (app && [app.id, app.alternateId, app.displayName].some((v) => v !== undefined && allowed.includes(v.toLowerCase()))) return undefined;
    const user = e.target('User') ?? (e.actor?.type === 'User' ? e.actor : undefined);
    const subject: Subject = user ? userSubject(user) : app ? { type: 'app', id: app.id, display: label(app) } : { type: 'token', id: e.uuid };
    return {
      subject,
      summary: `Refresh token reuse detected${user ? ` for ${label(user)}` : ''}${app ? ` on client ${label(app)}` : ''} from ${e.ip ?? 'an unknown IP'}${e.country ? ` (${e.country})` : ''}`,
      context: {
        authorizationServer: e.eventType === 'app.oauth2.as.token.detect_reuse' ? 'custom' : 'org',
        client: app ? label(app) : undefined,
        clientId: app?.id,
        ip: e.ip,
        country: e.country,
        asOrg: e.asOrg,
        userAgent: e.userAgent,
        grantType: e.debug('grantType'),
      },
    };
  },
  status: 'stable',
  falsePositives: [
    'A client app retrying a refresh after a network error (race)',
  ],
  runbook: {
    check: [
      'The client app and the IPs of both uses',
    ],
    act: [
      'Revoke the app\'s tokens for the user; investigate the device the token was stolen from',
    ],
  },
  references: [
    'Okta developer docs: Refresh token rotation, refresh token reuse detection (System Log events)',
    'panther-analysis okta_refresh_access_token_reuse',
  ],
});
