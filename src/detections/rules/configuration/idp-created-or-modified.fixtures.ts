import { PLACES, userActor } from '../../../okta/fixtures';
import type { OktaActor } from '../../../okta/log-event';
import { adminEvent, AUTOMATION, ROGUE } from '../../fixture-builders/admin';
import { fixtureTable } from '../../fixture-table';
import detection from './idp-created-or-modified';

const T0 = '2026-11-05T03:12:00Z';
const idp = (name = 'Partner SAML IdP', id = '0oa1idpPartner4x7'): OktaActor => ({ id, type: 'IdentityProvider', alternateId: 'unknown', displayName: name, detailEntry: null });
const ev = (eventType: string, target: OktaActor[] = [idp()], actor: OktaActor = userActor(ROGUE)) =>
  adminEvent({ eventType, at: T0, target, actor, place: PLACES.torExit, debugData: { idpType: 'SAML2' }, requestUri: `/api/v1/idps/${target[0]?.id}` });

export default fixtureTable(detection, {
  positive: [
    { name: 'new SAML IdP created from a Tor exit', events: [ev('system.idp.lifecycle.create')], expect: [{ subject: { type: 'idp', id: '0oa1idpPartner4x7' } }] },
    { name: 'existing IdP repointed', events: [ev('system.idp.lifecycle.update', [idp('Azure AD', '0oa1idpAzure4x7')])], expect: [{ subject: { type: 'idp', id: '0oa1idpAzure4x7' } }] },
    { name: 'IdP deactivated', events: [ev('system.idp.lifecycle.deactivate')], expect: [{ subject: { type: 'idp', id: '0oa1idpPartner4x7' } }] },
    { name: 'IdP deleted', events: [ev('system.idp.lifecycle.delete', [idp('Azure AD', '0oa1idpAzure4x7')])], expect: [{ subject: { type: 'idp', id: '0oa1idpAzure4x7' } }] },
    { name: 'create then activate in the same hour is one finding', events: [ev('system.idp.lifecycle.create'), ev('system.idp.lifecycle.activate')], expect: [{ subject: { type: 'idp', id: '0oa1idpPartner4x7' } }] },
  ],
  negative: [
    { name: 'IdP delete attempt that failed', events: [{ ...ev('system.idp.lifecycle.delete'), outcome: { result: 'FAILURE', reason: 'insufficient permissions' } }], expect: [] },
    { name: 'change by allow-listed automation', events: [ev('system.idp.lifecycle.update', [idp()], userActor(AUTOMATION))], expect: [], params: { allowedActors: [AUTOMATION.login] } },
    { name: 'ignored social IdP', events: [ev('system.idp.lifecycle.update', [idp('Google', '0oa1google4x7')])], expect: [], params: { ignoreIdps: ['Google'] } },
  ],
});
