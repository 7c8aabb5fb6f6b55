import { label, type OktaEvent, type Party } from '../../../okta/event';
import { actorAllowed, actorContext, actorLabel, objectName, succeeded, targetOfType } from '../../kit/admin-change';
import { singleEvent } from '../../kit/single-event';
import { userSubject } from '../../kit/subject';

const VIEW = 'app.user_management.app_user_password_view';
const SHOW = 'application.user_membership.show_password';
const UPDATE = 'application.lifecycle.update';
/** `outcome.reason` Okta logs when an app starts receiving users' cleartext passwords through provisioning. */
const PUSHING = 'pushing user passwords';

/** What happened, or undefined when the event does not expose someone else's password. */
function readOf(e: OktaEvent): { how: string; user?: Party } | undefined {
  if (!succeeded(e)) return undefined;
  const user = e.target('User');
  if (e.eventType === UPDATE) return (e.reason ?? '').toLowerCase().includes(PUSHING) ? { how: 'provisioning' } : undefined;
  // A user revealing their own password is okta-app-password-revealed's.
  if (!user || !e.actor || user.id === e.actor.id) return undefined;
  return { how: e.eventType === VIEW ? 'password view' : 'password reveal', user };
}

/** Someone read another user's application password, or turned an app into a sink of cleartext passwords. */
export default singleEvent({
  id: 'okta-app-password-read',
  title: "Another user's application password read",
  description:
    "An application password was read by someone other than its owner: an admin viewing a user's app password " +
    '(`app.user_management.app_user_password_view`), or revealing it (`application.user_membership.show_password` ' +
    "whose actor is not the target user), or an app's provisioning was set to push users' passwords " +
    '(`application.lifecycle.update` with "Pushing user passwords" in `outcome.reason`: every password then reaches ' +
    "the app's SCIM endpoint in clear). An attacker with admin rights harvests passwords of SWA and provisioned apps " +
    'this way.',
  severity: 'high',
  status: 'experimental',
  falsePositives: ['An admin helping a user who cannot see their own SWA password', 'A planned SCIM integration that needs password sync (for example to a directory)'],
  runbook: {
    check: ['Whose password was read, for which app, and by whom from which session', 'For provisioning: the app\'s SCIM base URL and who owns that endpoint'],
    act: ["Rotate the exposed application passwords", "If unexplained: remove the actor's admin rights, clear their sessions, and turn password push off on the app"],
  },
  mitre: { tactic: 'Credential Access', technique: 'T1555', name: 'Credentials from Password Stores' },
  mode: 'near-time',
  eventTypes: [VIEW, SHOW, UPDATE],
  defaults: { allowedActors: [] as readonly string[] },
  match(e, p) {
    const read = readOf(e);
    if (!read || actorAllowed(e, p.allowedActors)) return undefined;
    const app = targetOfType(e, ['AppInstance'], false);
    const appName = app ? objectName(app) : 'an application';
    if (!read.user) {
      return {
        subject: app ? { type: 'app', id: app.id, display: app.displayName ?? app.id } : { type: 'app', id: `event:${e.uuid}`, display: 'unknown app' },
        summary: `${actorLabel(e)} set ${appName} to receive users' passwords through provisioning`,
        context: { ...actorContext(e), eventType: e.eventType, how: read.how, app: app?.displayName, reason: e.reason },
      };
    }
    return {
      subject: userSubject(read.user),
      summary: `${actorLabel(e)} read the password of ${label(read.user)} for ${appName} (${read.how})`,
      context: { ...actorContext(e), eventType: e.eventType, how: read.how, app: app?.displayName, user: label(read.user) },
    };
  },
  references: [
    'panther-analysis okta_password_accessed (application.user_membership.show_password, actor not the target user)',
    'panther-analysis okta_password_extraction_via_scim (application.lifecycle.update, "Pushing user passwords")',
  ],
});
