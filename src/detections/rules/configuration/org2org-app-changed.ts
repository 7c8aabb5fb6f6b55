import { actorAllowed, actorContext, actorLabel, named, squash, succeeded, targetOfType } from '../../kit/admin-change';
import { singleEvent } from '../../kit/single-event';

const ACTIONS: Readonly<Record<string, string>> = {
  'application.lifecycle.create': 'created',
  'application.lifecycle.activate': 'activated',
  'application.lifecycle.update': 'changed',
};

/** An Org2Org application (one Okta org signing users in to another) created, activated or changed. */
export default singleEvent({
  id: 'okta-org2org-app-changed',
  title: 'Org2Org application created or changed',
  description:
    'An Okta Org2Org application (the app that signs users of this org in to another Okta org, or provisions them ' +
    'there) was created, activated or changed (`application.lifecycle.create/activate/update`, target app named ' +
    '"Org2Org"). An attacker with admin rights in one org uses it to reach another (hub-and-spoke tenants), or adds one ' +
    'pointing at an org they control to keep a way back in: a known persistence path between Okta orgs. Creating or ' +
    'activating one is high; a change to an existing one is medium.',
  severity: 'high',
  severityNote: 'medium for a change to an existing Org2Org app',
  status: 'experimental',
  falsePositives: ['A planned hub-and-spoke setup or a merger connecting two orgs', 'Certificate or attribute mapping updates on an existing Org2Org app'],
  runbook: {
    check: ['The target org the app points at (its base URL in the app settings) and whether you own it', 'Who made the change, from which session, and what else they changed', 'Users and groups assigned to the app'],
    act: ['If the target org is not yours or the change is unplanned: deactivate the app, remove its assignments, and treat the admin account as compromised'],
  },
  mitre: { tactic: 'Persistence', technique: 'T1484.002', name: 'Domain or Tenant Policy Modification: Trust Modification' },
  mode: 'near-time',
  eventTypes: Object.keys(ACTIONS),
  defaults: { allowedActors: [] as readonly string[], appNames: ['org2org'] as readonly string[] },
  match(e, p) {
    if (!succeeded(e) || actorAllowed(e, p.allowedActors)) return undefined;
    const app = targetOfType(e, ['AppInstance'], false);
    const names = [app?.displayName, app?.alternateId, app?.detailEntry?.appName as string | undefined].map(squash);
    if (!app || !p.appNames.some((n) => names.some((x) => x.includes(squash(n))))) return undefined;
    const action = ACTIONS[e.eventType];
    return {
      severity: e.eventType === 'application.lifecycle.update' ? 'medium' : undefined,
      subject: { type: 'app', id: app.id, display: app.displayName ?? app.id },
      summary: `${actorLabel(e)} ${action} ${named('Org2Org app', app, ['Org2Org'])}`,
      context: { ...actorContext(e), eventType: e.eventType, action, app: app.displayName },
    };
  },
  references: [
    'panther-analysis okta_org2org_creation_modification (create high, update and activate medium)',
    'https://sec.okta.com/articles/2023/08/cross-tenant-impersonation-prevention-and-detection',
  ],
  differences: ['Activation is high like creation (it is what makes a new app usable), where panther-analysis rates it medium; app names are matched without case or punctuation (a renamed "Org 2 Org" app still matches)'],
});
