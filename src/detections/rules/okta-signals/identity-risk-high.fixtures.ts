import { logEvent, minutes, person, PLACES, userActor } from '../../../okta/fixtures';
import type { OktaActor } from '../../../okta/log-event';
import { fixtureTable } from '../../fixture-table';
import detection from './identity-risk-high';

const user = person('noah.williams@example.com');
const admin = person('secops.admin@example.com');
const T0 = '2026-11-12T11:45:00Z';
const SYSTEM: OktaActor = { id: '0oa1systemprincipal', type: 'SystemPrincipal', alternateId: 'system@okta.com', displayName: 'Okta System', detailEntry: null };

export const userTarget = (p = user): OktaActor => ({ id: p.id, type: 'User', alternateId: p.login, displayName: p.name, detailEntry: null });

export const riskEvent = (eventType: string, at: number, risk: string, opts: { actor?: OktaActor; target?: OktaActor[] | null } = {}) =>
  logEvent({
    eventType,
    at,
    actor: opts.actor ?? SYSTEM,
    target: opts.target === undefined ? [userTarget()] : opts.target,
    place: PLACES.sanFrancisco,
    severity: 'WARN',
    displayMessage: eventType === 'user.risk.change' ? 'User risk level changed' : 'User risk detected',
    debugData: { risk, traceId: '65d65fa6-b5a9-50e9-b6f1-637b9fb71c50' },
  });

export default fixtureTable(detection, {
  positive: [
    {
      name: 'Okta Threat Intelligence raises the user to HIGH (user.risk.detect)',
      events: [riskEvent('user.risk.detect', minutes(T0, 0), '{previousLevel=LOW, level=HIGH, detectionName=Okta Threat Intelligence, reasons=Sign-in from known phishing infrastructure, issuer=OKTA}')],
      expect: [{ subject: { type: 'user', id: user.id } }],
    },
    {
      name: 'an admin marks the user HIGH (user.risk.change)',
      events: [riskEvent('user.risk.change', minutes(T0, 0), '{previousLevel=MEDIUM, level=HIGH, detectionName=Admin Reported User Risk, reasons=Admin override risk, issuer=OKTA}', { actor: userActor(admin) })],
      expect: [{ subject: { type: 'user', id: user.id } }],
    },
    {
      name: 'user.risk.detect and user.risk.change for the same change make one finding',
      events: [
        riskEvent('user.risk.detect', minutes(T0, 0), '{previousLevel=LOW, level=HIGH, detectionName=Suspected Session Hijacking, reasons=Associated sessionId is suspected to be hijacked, issuer=OKTA}'),
        riskEvent('user.risk.change', minutes(T0, 0.1), '{previousLevel=LOW, level=HIGH, detectionName=Suspected Session Hijacking, reasons=Associated sessionId is suspected to be hijacked, issuer=OKTA}'),
      ],
      expect: [{ subject: { type: 'user', id: user.id } }],
    },
    {
      name: 'a Shared Signals provider reports high risk',
      events: [riskEvent('security.events.provider.receive_event', minutes(T0, 0), '{level=HIGH, detectionName=Partner Reported User Risk, issuer=https://edr.example.net}', { actor: { id: '0oa1ssfprovider', type: 'PublicClientApp', alternateId: 'EDR partner', displayName: 'EDR partner', detailEntry: null } })],
      expect: [{ subject: { type: 'user', id: user.id } }],
    },
    {
      name: 'tenant reports MEDIUM as well',
      events: [riskEvent('user.risk.detect', minutes(T0, 0), '{previousLevel=LOW, level=MEDIUM, detectionName=Session Influenced User Risk, reasons=idxGuvnnpQKQ8uVw56TGp23Qg, issuer=OKTA}')],
      expect: [{ subject: { type: 'user', id: user.id } }],
      params: { minLevel: 'MEDIUM' },
    },
  ],
  negative: [
    { name: 'MEDIUM risk', events: [riskEvent('user.risk.detect', minutes(T0, 0), '{previousLevel=LOW, level=MEDIUM, detectionName=Session Influenced User Risk, reasons=idxGuvnnpQKQ8uVw56TGp23Qg, issuer=OKTA}')], expect: [] },
    { name: 'risk lowered from HIGH to LOW', events: [riskEvent('user.risk.change', minutes(T0, 0), '{previousLevel=HIGH, level=LOW, detectionName=Admin Reported User Risk, reasons=Admin override risk, issuer=OKTA}', { actor: userActor(admin) })], expect: [] },
    {
      name: 'a detection the tenant ignores',
      events: [riskEvent('user.risk.detect', minutes(T0, 0), '{previousLevel=LOW, level=HIGH, detectionName=Admin Reported User Risk, reasons=Admin override risk, issuer=OKTA}')],
      expect: [],
      params: { ignoreDetections: ['admin reported user risk'] },
    },
    { name: 'no user to report on (null target, system actor)', events: [riskEvent('user.risk.detect', minutes(T0, 0), '{level=HIGH}', { target: null })], expect: [] },
    { name: 'risk event without a risk', events: [logEvent({ eventType: 'user.risk.detect', at: minutes(T0, 0), actor: SYSTEM, target: [userTarget()] })], expect: [] },
  ],
});
