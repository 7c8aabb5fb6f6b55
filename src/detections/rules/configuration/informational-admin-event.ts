import { label } from '../../../okta/event';
import { actorAllowed, actorContext, actorLabel, inList, named, succeeded, targetOfType } from '../../kit/admin-change';
import { tokenTarget } from '../../kit/api-token';
import { singleEvent } from '../../kit/single-event';
import type { Subject } from '../../types';

/** The actions, by the name a tenant lists them under, with what the summary says. */
const ACTIONS: Readonly<Record<string, { readonly action: string; readonly verb: string }>> = {
  'system.api_token.revoke': { action: 'api-token-revoked', verb: 'revoked' },
  'application.lifecycle.deactivate': { action: 'app-deactivated', verb: 'deactivated' },
  'application.lifecycle.delete': { action: 'app-deleted', verb: 'deleted' },
  'user.account.privilege.revoke': { action: 'admin-role-revoked', verb: 'revoked an admin role from' },
  'group.privilege.revoke': { action: 'admin-role-revoked', verb: 'revoked an admin role from' },
};

/**
 * Administrative actions the public rule sets mark informational: each is routine alone, and worth having on record
 * next to the findings around it (an attacker revoking the token a defender uses, deleting an app to cut users off).
 */
export default singleEvent({
  id: 'okta-informational-admin-event',
  title: 'Administrative action on record (informational)',
  description:
    'An API token revoked (`system.api_token.revoke`), an application deactivated or deleted ' +
    '(`application.lifecycle.deactivate/delete`), or an admin role revoked from a user or group ' +
    '(`user.account.privilege.revoke`, `group.privilege.revoke`): actions the public rule sets report as informational. ' +
    'Routine alone, they are reported at low severity so they sit on record beside the findings around them (an ' +
    'attacker revoking the token a monitoring tool uses, or removing the admin who would notice). A tenant narrows ' +
    '`actions` or disables the detection.',
  severity: 'low',
  status: 'experimental',
  falsePositives: ['Every planned token rotation, app retirement and admin offboarding: the reason these are low'],
  runbook: {
    check: ['Whether the action matches a change request', 'Other findings about the same actor around the same time'],
    act: ['Nothing when planned; when not, restore the token, app or role and review the actor\'s session'],
  },
  mitre: { tactic: 'Impact', technique: 'T1531', name: 'Account Access Removal' },
  mode: 'hourly',
  eventTypes: Object.keys(ACTIONS),
  defaults: {
    /** Which actions to report: any of api-token-revoked, app-deactivated, app-deleted, admin-role-revoked. */
    actions: ['api-token-revoked', 'app-deactivated', 'app-deleted', 'admin-role-revoked'] as readonly string[],
    allowedActors: [] as readonly string[],
  },
  match(e, p) {
    const a = ACTIONS[e.eventType];
    if (!a || !inList(a.action, p.actions) || !succeeded(e) || actorAllowed(e, p.allowedActors)) return undefined;
    let subject: Subject;
    let what: string;
    if (a.action === 'api-token-revoked') {
      const token = tokenTarget(e);
      subject = { type: 'token', id: token?.id ?? `event:${e.uuid}`, display: token?.displayName ?? 'unknown token' };
      what = named('API token', token);
    } else if (a.action === 'admin-role-revoked') {
      const user = e.target('User');
      const group = user ? undefined : targetOfType(e, ['UserGroup', 'Group'], false);
      subject = user ? { type: 'user', id: user.id, display: user.alternateId ?? user.displayName } : { type: 'group', id: group?.id ?? `event:${e.uuid}`, display: group?.displayName ?? 'unknown group' };
      what = user ? label(user) : named('group', group);
    } else {
      const app = targetOfType(e, ['AppInstance'], false);
      subject = { type: 'app', id: app?.id ?? `event:${e.uuid}`, display: app?.displayName ?? 'unknown app' };
      what = named('app', app);
    }
    return { subject, summary: `${actorLabel(e)} ${a.verb} ${what}`, context: { ...actorContext(e), eventType: e.eventType, action: a.action } };
  },
  references: [
    'panther-analysis okta_api_key_revoked (info)',
    'Sigma okta_api_token_revoked, okta_application_modified_or_deleted',
    'Elastic impact_attempt_to_revoke_okta_api_token, impact_okta_attempt_to_deactivate_okta_application, impact_okta_attempt_to_delete_okta_application',
    'okta/customer-detections new_super_admin_added_or_removed (removed)',
  ],
  differences: ['Low rather than an alert of its own (Elastic and Sigma alert on each): planned revocations and app retirements happen every week'],
});
