import { normalize } from '../../../okta/event';
import { logEvent, minutes, person, PLACES } from '../../../okta/fixtures';
import type { OktaLogEvent } from '../../../okta/log-event';
import { riskOf } from '../../kit/risk';
import { detectAll } from '../../reorder';
import type { Detection, Params } from '../../types';
import detection, { type IdentityRiskParams } from './identity-risk-high';
import { riskEvent } from './identity-risk-high.fixtures';

const d = detection as unknown as Detection<Params, unknown>;
const T0 = '2026-11-12T11:45:00Z';
const user = person('noah.williams@example.com');
const run = (events: OktaLogEvent[], params: Partial<IdentityRiskParams> = {}) => detectAll([{ detection: d, params: { ...d.defaults, ...params } as Params }], events.map(normalize));
const withRisk = (risk: unknown, key = 'risk') =>
  logEvent({ eventType: 'user.risk.detect', at: minutes(T0, 0), target: [{ id: user.id, type: 'User', alternateId: user.login, displayName: user.name }], place: PLACES.sanFrancisco, debugData: { [key]: risk } });

describe('okta-identity-risk-high', () => {
  it('given Okta raises a user to HIGH, when run, then the finding carries level, previous level, detection and reasons', () => {
    const [f] = run([riskEvent('user.risk.detect', minutes(T0, 0), '{previousLevel=LOW, level=HIGH, detectionName=Okta Threat Intelligence, reasons=Anomalous Geo-Distance, New Device, New ASN, issuer=OKTA}')]);
    expect(f.subject).toEqual({ type: 'user', id: user.id, display: user.login });
    expect(f.summary).toBe('Entity risk of noah.williams@example.com is HIGH (was LOW): Okta Threat Intelligence');
    expect(f.context).toMatchObject({ level: 'HIGH', previousLevel: 'LOW', detectionName: 'Okta Threat Intelligence', reasons: 'Anomalous Geo-Distance, New Device, New ASN', issuer: 'OKTA' });
  });

  it('given the risk is lowered from HIGH, when run, then previousLevel is not mistaken for level', () => {
    expect(run([riskEvent('user.risk.change', minutes(T0, 0), '{previousLevel=HIGH, level=MEDIUM, issuer=OKTA}')])).toHaveLength(0);
    expect(run([riskEvent('user.risk.change', minutes(T0, 0), '{level=LOW, previousLevel=HIGH}')])).toHaveLength(0);
  });

  it('given the risk as a JSON object (stringified by normalize), when run, then it is read', () => {
    expect(run([withRisk({ previousLevel: 'HIGH', level: 'HIGH', detectionName: 'Admin Reported User Risk' })])).toHaveLength(1);
    expect(run([withRisk({ previousLevel: 'HIGH', level: 'LOW' })])).toHaveLength(0);
  });

  it('given a bare level under riskLevel, when run, then it is read', () => {
    expect(run([withRisk('high', 'riskLevel')])).toHaveLength(1);
  });

  it('given minLevel MEDIUM or LOW, when MEDIUM and LOW risks arrive, then they fire accordingly', () => {
    const medium = riskEvent('user.risk.detect', minutes(T0, 0), '{level=MEDIUM}');
    const low = riskEvent('user.risk.detect', minutes(T0, 70), '{level=LOW}');
    expect(run([medium, low])).toHaveLength(0);
    expect(run([medium, low], { minLevel: 'MEDIUM' })).toHaveLength(1);
    expect(run([medium, low], { minLevel: 'low' })).toHaveLength(2);
  });

  it('given an invalid minLevel in a tenant file, when run, then HIGH applies', () => {
    expect(run([riskEvent('user.risk.detect', minutes(T0, 0), '{level=MEDIUM}')], { minLevel: 'SEVERE' })).toHaveLength(0);
    expect(run([riskEvent('user.risk.detect', minutes(T0, 0), '{level=HIGH}')], { minLevel: 'SEVERE' })).toHaveLength(1);
  });

  it('given nonsense in debugData.risk, when parsed, then no level and no throw', () => {
    expect(riskOf(normalize(withRisk('{}')))?.level).toBeUndefined();
    expect(riskOf(normalize(withRisk('level=')))?.level).toBeUndefined();
    expect(run([withRisk('{}'), withRisk(null), withRisk(42)])).toHaveLength(0);
  });
});
