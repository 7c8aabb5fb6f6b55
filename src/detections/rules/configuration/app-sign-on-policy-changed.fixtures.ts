import { userActor } from '../../../okta/fixtures';
import type { OktaActor } from '../../../okta/log-event';
import { adminEvent, AUTOMATION, changedTarget } from '../../fixture-builders/admin';
import { appSignOnAction } from '../../fixture-builders/policy';
import { fixtureTable } from '../../fixture-table';
import detection from './app-sign-on-policy-changed';

const T0 = '2026-11-04T08:30:00Z';
const app = (name = '1Password', id = '0oa1pw0rdMgr4x7'): OktaActor => ({ id, type: 'AppInstance', alternateId: name, displayName: name, detailEntry: { signOnModeType: 'SAML_2_0' } });
const rule: OktaActor = { id: '0pr1denyOffNet4x7', type: 'PolicyRule', alternateId: 'unknown', displayName: 'Deny off network', detailEntry: null };

const update = (target: OktaActor[], actor?: OktaActor) =>
  adminEvent({ eventType: 'application.policy.sign_on.update', at: T0, target, actor, requestUri: '/admin/app/1password/instance/0oa1pw0rdMgr4x7/update-policy' });

export default fixtureTable(detection, {
  positive: [
    { name: 'password manager sign-on rule deleted', events: [adminEvent({ eventType: 'application.policy.sign_on.rule.delete', at: T0, target: [app(), rule] })], expect: [{ subject: { type: 'app', id: '0oa1pw0rdMgr4x7' } }] },
    { name: 'sign-on policy downgraded from 2FA to 1FA', events: [update([changedTarget(app(), appSignOnAction('2FA'), appSignOnAction('1FA'))])], expect: [{ subject: { type: 'app', id: '0oa1pw0rdMgr4x7' } }] },
    { name: 'rule added to an app policy', events: [adminEvent({ eventType: 'application.policy.sign_on.rule.create', at: T0, target: [app('AWS Console', '0oa1awsCons4x7'), rule] })], expect: [{ subject: { type: 'app', id: '0oa1awsCons4x7' } }] },
  ],
  negative: [
    { name: 'change by allow-listed automation', events: [update([app()], userActor(AUTOMATION))], expect: [], params: { allowedActors: [AUTOMATION.login] } },
    { name: 'ignored app', events: [update([app('Sandbox App', '0oa1sandbox4x7')])], expect: [], params: { ignoreApps: ['sandbox app'] } },
    { name: 'denied update attempt', events: [adminEvent({ eventType: 'application.policy.sign_on.update', at: T0, target: [app()], outcome: 'DENY' })], expect: [] },
  ],
});
