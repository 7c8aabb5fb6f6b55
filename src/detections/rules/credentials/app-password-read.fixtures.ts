import { person, userActor } from '../../../okta/fixtures';
import type { OktaActor } from '../../../okta/log-event';
import { adminEvent, ADMIN, AUTOMATION, ROGUE } from '../../fixture-builders/admin';
import { fixtureTable } from '../../fixture-table';
import detection from './app-password-read';

const T0 = '2026-11-06T11:20:00Z';
export const OWNER = person('lena.fischer@example.com', 'Lena Fischer');
export const SWA_APP: OktaActor = { id: '0oa1payroll4x7', type: 'AppInstance', alternateId: 'Payroll (SWA)', displayName: 'Payroll', detailEntry: { signOnModeType: 'BROWSER_PLUGIN' } };
export const SCIM_APP: OktaActor = { id: '0oa1scimsink4x7', type: 'AppInstance', alternateId: 'Directory Sync', displayName: 'Directory Sync', detailEntry: { signOnModeType: 'SAML_2_0' } };

export const passwordEvent = (eventType: string, actor: OktaActor, owner = OWNER) => adminEvent({ eventType, at: T0, actor, target: [userActor(owner), SWA_APP], displayMessage: eventType });
export const pushPasswords = (actor: OktaActor = userActor(ROGUE), reason = 'Pushing user passwords') => {
  const e = adminEvent({ eventType: 'application.lifecycle.update', at: T0, actor, target: [SCIM_APP], displayMessage: 'Update application' });
  return { ...e, outcome: { result: 'SUCCESS', reason } };
};

export default fixtureTable(detection, {
  positive: [
    { name: "an admin views a user's app password", events: [passwordEvent('app.user_management.app_user_password_view', userActor(ROGUE))], expect: [{ subject: { type: 'user', id: OWNER.id } }] },
    { name: "someone reveals another user's SWA password", events: [passwordEvent('application.user_membership.show_password', userActor(ROGUE))], expect: [{ subject: { type: 'user', id: OWNER.id } }] },
    { name: 'an app set to receive cleartext passwords through SCIM provisioning', events: [pushPasswords()], expect: [{ subject: { type: 'app', id: '0oa1scimsink4x7' } }] },
  ],
  negative: [
    { name: 'a user revealing their own password (okta-app-password-revealed)', events: [passwordEvent('application.user_membership.show_password', userActor(OWNER))], expect: [] },
    { name: 'an app updated for another reason', events: [pushPasswords(userActor(ADMIN), 'Updating app settings')], expect: [] },
    { name: 'the allow-listed provisioning automation', events: [pushPasswords(userActor(AUTOMATION))], expect: [], params: { allowedActors: [AUTOMATION.login] } },
  ],
});
