import { normalize } from '../../../okta/event';
import { minutes } from '../../../okta/fixtures';
import type { OktaLogEvent } from '../../../okta/log-event';
import { detectAll } from '../../reorder';
import type { Detection, Params } from '../../types';
import detection, { type RateLimitParams } from './rate-limit-violation';
import { rateEvent } from './rate-limit-violation.fixtures';

const d = detection as unknown as Detection<Params, unknown>;
const T0 = '2026-11-13T02:00:00Z';
const run = (events: OktaLogEvent[], params: Partial<RateLimitParams> = {}) => detectAll([{ detection: d, params: { ...d.defaults, ...params } as Params }], events.map(normalize));
const violations = (...at: number[]) => at.map((n) => rateEvent('system.org.rate_limit.violation', minutes(T0, n)));

describe('okta-rate-limit-violation', () => {
  it('given 2 violations (threshold - 1), when run, then quiet', () => {
    expect(run(violations(0, 5))).toHaveLength(0);
  });

  it('given 3 violations within the hour, when run, then one org finding naming the endpoint', () => {
    const [f, ...rest] = run(violations(0, 5, 50));
    expect(rest).toHaveLength(0);
    expect(f.subject).toEqual({ type: 'org', id: 'org', display: 'Okta org' });
    expect(f.summary).toContain('/api/v1/authn');
    expect(f.context).toMatchObject({ count: 3, lastEventType: 'system.org.rate_limit.violation', lastRequestUri: '/api/v1/authn' });
  });

  it('given 3 violations spread wider than the window, when run, then quiet; with a 3-hour window it fires', () => {
    expect(run(violations(0, 61, 122))).toHaveLength(0);
    expect(run(violations(0, 61, 122), { windowMinutes: 180 })).toHaveLength(1);
  });

  it('given a sustained flood, when run, then one finding per window, not per violation', () => {
    expect(run(violations(...Array.from({ length: 50 }, (_, i) => i)))).toHaveLength(1);
  });

  it('given warnings and notifications only, when run, then quiet', () => {
    const events = ['system.org.rate_limit.warning', 'system.operation.rate_limit.warning', 'system.client.rate_limit.notification', 'system.operation.rate_limit.notification'].map((t, i) => rateEvent(t, minutes(T0, i)));
    expect(run(events, { threshold: 1 })).toHaveLength(0);
  });

  it('given bursts, when countBursts is off then quiet, on then they count with violations', () => {
    const events = [rateEvent('system.org.rate_limit.burst', minutes(T0, 0)), rateEvent('system.org.rate_limit.burst', minutes(T0, 1)), ...violations(2)];
    expect(run(events)).toHaveLength(0);
    expect(run(events, { countBursts: true })).toHaveLength(1);
  });
});
