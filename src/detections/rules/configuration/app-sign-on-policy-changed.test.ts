import { normalize } from '../../../okta/event';
import { userActor, withQuirks } from '../../../okta/fixtures';
import type { OktaActor, OktaLogEvent } from '../../../okta/log-event';
import { categoryOf } from '../../catalog';
import { adminEvent, AUTOMATION, changedTarget } from '../../fixture-builders/admin';
import { appSignOnAction } from '../../fixture-builders/policy';
import { detectAll } from '../../reorder';
import type { Detection, Params } from '../../types';
import detection from './app-sign-on-policy-changed';

const T0 = '2026-11-04T08:30:00Z';
const app = (name = '1Password', id = '0oa1pw0rdMgr4x7'): OktaActor => ({ id, type: 'AppInstance', alternateId: name, displayName: name, detailEntry: null });

function run(events: OktaLogEvent[], params: Record<string, unknown> = {}) {
  return detectAll([{ detection: detection as Detection<Params, unknown>, params: { ...detection.defaults, ...params } as Params }], events.map(normalize));
}

describe('okta-app-sign-on-policy-changed', () => {
  it('is registered in the configuration category with the Classic app sign-on event types', () => {
    expect(categoryOf(detection.id)).toBe('configuration');
    expect([...detection.eventTypes].sort()).toEqual(['application.policy.sign_on.rule.create', 'application.policy.sign_on.rule.delete', 'application.policy.sign_on.update']);
  });

  it('given an app sign-on policy updated, when detected, then one finding on the app', () => {
    const [f] = run([adminEvent({ eventType: 'application.policy.sign_on.update', at: T0, target: [app()] })]);
    expect(f.subject).toEqual({ type: 'app', id: '0oa1pw0rdMgr4x7', display: '1Password' });
    expect(f.context?.weakenings).toEqual([]);
  });

  it('given the update downgrades MFA, when detected, then the weakening is named in context and summary', () => {
    const [f] = run([adminEvent({ eventType: 'application.policy.sign_on.update', at: T0, target: [changedTarget(app(), appSignOnAction('2FA'), appSignOnAction('1FA'))] })]);
    expect(f.context?.weakenings).toEqual(['mfa-downgraded']);
    expect(f.summary).toMatch(/1Password.*mfa-downgraded/);
  });

  it('given rule deletions on two different apps in the same hour, when detected, then two findings', () => {
    const events = [
      adminEvent({ eventType: 'application.policy.sign_on.rule.delete', at: T0, target: [app()] }),
      adminEvent({ eventType: 'application.policy.sign_on.rule.delete', at: T0, target: [app('AWS', '0oa1aws4x7')] }),
    ];
    expect(run(events)).toHaveLength(2);
  });

  it('given a denied attempt, an allow-listed actor or an ignored app, when detected, then quiet', () => {
    expect(run([adminEvent({ eventType: 'application.policy.sign_on.update', at: T0, target: [app()], outcome: 'DENY' })])).toHaveLength(0);
    expect(run([adminEvent({ eventType: 'application.policy.sign_on.update', at: T0, target: [app()], actor: userActor(AUTOMATION) })], { allowedActors: [AUTOMATION.login] })).toHaveLength(0);
    expect(run([adminEvent({ eventType: 'application.policy.sign_on.update', at: T0, target: [app()] })], { ignoreApps: ['1password'] })).toHaveLength(0);
  });

  it('given a quirky event with a null target, when detected, then it still fires on an unknown app without throwing', () => {
    const [f] = run([withQuirks(adminEvent({ eventType: 'application.policy.sign_on.update', at: T0, target: [app()] }), { nullTarget: true, emptyClient: true, nullSecurity: true, stringDebug: true })]);
    expect(f.subject.display).toBe('unknown application');
  });
});
