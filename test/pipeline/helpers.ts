import { parseTenant } from '../../src/tenants/load';
import type { Tenant } from '../../src/tenants/schema';
import { envelope, logEvent, minutes, person, PLACES, userActor } from '../../src/okta/fixtures';
import type { OktaLogEvent } from '../../src/okta/log-event';

export function testTenant(overrides: Record<string, unknown> = {}): Tenant {
  const { tenant, problems } = parseTenant('test.json', {
    id: 'testco',
    okta: { org: 'testco', eventSourceName: 'vigil-test' },
    aws: { accountId: '123456789012', region: 'us-east-1' },
    notifications: { subscriptions: [{ protocol: 'email', endpoint: 'soc@testco.example', minSeverity: 'low' }] },
    ...overrides,
  });
  if (!tenant) throw new Error(problems.map((p) => `${p.field}: ${p.message}`).join('\n'));
  return tenant;
}

export const SOURCE = 'aws.partner/okta.com/testco/vigil-test';
export const wrap = (e: OktaLogEvent, replayName?: string) => envelope(e, { source: SOURCE, replayName });

export const victim = person('victim@testco.example');
export const bystander = person('bystander@testco.example');

/** n failed sign-ins for the victim, one a minute from `start`. */
export function failedSignIns(start: string, n: number, who = victim): OktaLogEvent[] {
  return Array.from({ length: n }, (_, i) =>
    logEvent({ eventType: 'user.session.start', at: minutes(start, i), actor: userActor(who), place: PLACES.lagos, outcome: 'FAILURE', reason: 'INVALID_CREDENTIALS' }),
  );
}

/** n rejected Okta Verify pushes (Identity Engine form), one a minute. */
export function rejectedPushes(start: string, n: number, who = victim): OktaLogEvent[] {
  return Array.from({ length: n }, (_, i) =>
    logEvent({ eventType: 'user.authentication.auth_via_mfa', at: minutes(start, i), actor: userActor(who), place: PLACES.moscow, outcome: 'FAILURE', reason: 'INVALID_CREDENTIALS', debugData: { factor: 'OKTA_VERIFY_PUSH' } }),
  );
}

export function normalSignIns(start: string, n: number, who = bystander): OktaLogEvent[] {
  return Array.from({ length: n }, (_, i) => logEvent({ eventType: 'user.session.start', at: minutes(start, i * 3), actor: userActor(who), place: PLACES.sanFrancisco, outcome: 'SUCCESS' }));
}
