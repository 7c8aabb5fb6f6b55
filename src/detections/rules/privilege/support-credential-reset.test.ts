import { normalize } from '../../../okta/event';
import { minutes, person, withQuirks } from '../../../okta/fixtures';
import type { OktaLogEvent } from '../../../okta/log-event';
import { categoryOf } from '../../catalog';
import { adminEvent } from '../../fixture-builders/admin';
import { adminReset, impersonation, OKTA_SYSTEM_USER, SUPPORT_ENGINEER, SUPPORT_SESSION, supportToolReset, VICTIM } from '../../fixture-builders/support';
import { detectAll } from '../../reorder';
import type { Detection, Params } from '../../types';
import detection from './support-credential-reset';

const T0 = '2026-11-09T11:00:00Z';

function run(events: OktaLogEvent[], params: Record<string, unknown> = {}) {
  return detectAll([{ detection: detection as Detection<Params, unknown>, params: { ...detection.defaults, ...params } as Params }], events.map(normalize));
}

describe('okta-support-credential-reset', () => {
  it('is registered in the privilege category, near-time, high', () => {
    expect(categoryOf(detection.id)).toBe('privilege');
    expect(detection.mode).toBe('near-time');
    expect(detection.severity).toBe('high');
  });

  it.each(['user.account.reset_password', 'user.mfa.factor.reset_all', 'user.mfa.factor.deactivate', 'user.mfa.factor.update'])(
    'given %s from Okta support tooling (system@okta.com, no client context), when detected, then one finding on the user',
    (eventType) => {
      const [f, ...rest] = run([supportToolReset(eventType, T0, VICTIM)]);
      expect(rest).toHaveLength(0);
      expect(f.subject).toEqual({ type: 'user', id: VICTIM.id, display: VICTIM.login });
      expect(f.context?.via).toBe('support tooling');
    },
  );

  it.each(['user.mfa.attempt_bypass', 'system.mfa.factor.deactivate'])(
    'given %s from Okta support tooling, when detected, then quiet (okta-mfa-bypass-attempt / okta-mfa-factor-disabled-org-wide own it)',
    (eventType) => {
      expect(detection.eventTypes).not.toContain(eventType);
      expect(run([supportToolReset(eventType, T0, VICTIM)])).toHaveLength(0);
    },
  );

  it('given system@okta.com resets with a full client context (an ordinary Okta-driven flow), when detected, then quiet unless the tenant drops the markers', () => {
    const e = adminEvent({ eventType: 'user.account.reset_password', at: T0, actor: OKTA_SYSTEM_USER, target: [{ id: VICTIM.id, type: 'User', alternateId: VICTIM.login, displayName: VICTIM.name }] });
    expect(run([e])).toHaveLength(0);
    expect(run([e], { requireNoClientContext: false })).toHaveLength(1);
  });

  it('given a tenant-specific support actor pattern, when detected, then it is used instead of system@okta.com', () => {
    const e = supportToolReset('user.account.reset_password', T0, VICTIM);
    expect(run([e], { supportActorPattern: '^nobody$' })).toHaveLength(0);
  });

  it('given an impersonation session, when an MFA reset happens in it, then one finding linking the session start and the reset', () => {
    const start = impersonation('initiate', T0);
    const reset = adminReset('user.mfa.factor.reset_all', minutes(T0, 25), VICTIM, { actor: SUPPORT_ENGINEER, sessionId: SUPPORT_SESSION });
    const [f, ...rest] = run([start, reset]);
    expect(rest).toHaveLength(0);
    expect(f.eventUuids).toEqual([start.uuid, reset.uuid]);
    expect(f.windowStart).toBe(start.published);
    expect(f.context).toMatchObject({ via: 'impersonation session', sessionId: SUPPORT_SESSION, engineer: SUPPORT_ENGINEER.alternateId });
  });

  it('given events delivered out of order (reset before initiate in arrival), when detected, then the engine re-orders and it still fires', () => {
    const start = impersonation('initiate', T0);
    const reset = adminReset('user.account.reset_password', minutes(T0, 5), VICTIM, { sessionId: SUPPORT_SESSION });
    expect(run([reset, start])).toHaveLength(1);
  });

  it('given a reset in the session after the window, or after the session ended, when detected, then quiet', () => {
    const start = impersonation('initiate', T0);
    expect(run([start, adminReset('user.account.reset_password', minutes(T0, 90), VICTIM, { sessionId: SUPPORT_SESSION })], { impersonationWindowMinutes: 60 })).toHaveLength(0);
    expect(run([start, impersonation('end', minutes(T0, 10)), adminReset('user.account.reset_password', minutes(T0, 20), VICTIM, { sessionId: SUPPORT_SESSION })])).toHaveLength(0);
  });

  it('given two resets of different users in one session within the hour, when detected, then one finding for the session', () => {
    const other = person('ceo@example.com');
    const events = [
      impersonation('initiate', T0),
      adminReset('user.account.reset_password', minutes(T0, 5), VICTIM, { sessionId: SUPPORT_SESSION }),
      adminReset('user.account.reset_password', minutes(T0, 6), other, { sessionId: SUPPORT_SESSION }),
    ];
    expect(run(events)).toHaveLength(1);
  });

  it('given admin resets in other sessions (and the "unknown" placeholder session), when detected, then quiet', () => {
    const events = [
      impersonation('initiate', T0, { sessionId: 'unknown' }),
      adminReset('user.account.reset_password', minutes(T0, 5), VICTIM, { sessionId: 'unknown' }),
      adminReset('user.account.reset_password', minutes(T0, 6), VICTIM),
    ];
    expect(run(events)).toHaveLength(0);
  });

  it('given a failed support reset, when detected, then quiet', () => {
    const e = { ...supportToolReset('user.account.reset_password', T0, VICTIM), outcome: { result: 'FAILURE', reason: null } };
    expect(run([e])).toHaveLength(0);
  });

  it('given quirky events, when detected, then no throw and state stays bounded to the window', () => {
    const events = [impersonation('initiate', T0), supportToolReset('user.account.reset_password', minutes(T0, 1), VICTIM)].map((e) =>
      withQuirks(e, { nullTarget: true, emptyClient: true, nullSecurity: true, stringDebug: true }),
    );
    expect(() => run(events)).not.toThrow();
    expect(detection.stateTtlMinutes(detection.defaults)).toBe(480);
  });
});
