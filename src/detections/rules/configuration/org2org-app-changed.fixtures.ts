import { PLACES, userActor } from '../../../okta/fixtures';
import type { OktaActor } from '../../../okta/log-event';
import { adminEvent, AUTOMATION, ROGUE } from '../../fixture-builders/admin';
import { fixtureTable } from '../../fixture-table';
import detection from './org2org-app-changed';

const T0 = '2026-11-06T02:40:00Z';
export const org2org = (name = 'Okta Org2Org', id = '0oa1org2org4x7'): OktaActor => ({ id, type: 'AppInstance', alternateId: name, displayName: name, detailEntry: { signOnModeType: 'SAML_2_0' } });
export const appEvent = (eventType: string, app: OktaActor = org2org(), actor: OktaActor = userActor(ROGUE), outcome: 'SUCCESS' | 'FAILURE' = 'SUCCESS') =>
  adminEvent({ eventType, at: T0, target: [app], actor, outcome, place: PLACES.torExit, requestUri: `/api/v1/apps/${app.id}` });

export default fixtureTable(detection, {
  positive: [
    { name: 'an Org2Org app created', events: [appEvent('application.lifecycle.create')], expect: [{ subject: { type: 'app', id: '0oa1org2org4x7' } }] },
    { name: 'an existing Org2Org app repointed', events: [appEvent('application.lifecycle.update', org2org('Org2Org - Spoke EU', '0oa1spoke4x7'))], expect: [{ subject: { type: 'app', id: '0oa1spoke4x7' } }] },
    { name: 'an Org2Org app renamed with spaces ("Org 2 Org")', events: [appEvent('application.lifecycle.activate', org2org('Partner Org 2 Org', '0oa1partner4x7'))], expect: [{ subject: { type: 'app', id: '0oa1partner4x7' } }] },
  ],
  negative: [
    { name: 'any other app created', events: [appEvent('application.lifecycle.create', { id: '0oa1slack4x7', type: 'AppInstance', alternateId: 'Slack', displayName: 'Slack', detailEntry: null })], expect: [] },
    { name: 'a failed attempt', events: [appEvent('application.lifecycle.create', org2org(), userActor(ROGUE), 'FAILURE')], expect: [] },
    { name: 'the allow-listed Terraform account', events: [appEvent('application.lifecycle.update', org2org(), userActor(AUTOMATION))], expect: [], params: { allowedActors: [AUTOMATION.login] } },
  ],
});
