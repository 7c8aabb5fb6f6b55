import { normalize } from '../../../okta/event';
import { minutes, person } from '../../../okta/fixtures';
import type { OktaLogEvent } from '../../../okta/log-event';
import { resolveCatalog } from '../../catalog';
import { lockout } from '../../fixture-builders/sign-in';
import { detectAll } from '../../reorder';
import type { Detection, Params, ParamValue } from '../../types';
import mass from './mass-account-lockouts';

const ID = 'okta-mass-account-lockouts';
const T0 = '2026-11-05T06:00:00Z';
const at = (n: number) => minutes(T0, n);
const staff = Array.from({ length: 12 }, (_, i) => person(`locked${i}@example.com`));

function run(events: OktaLogEvent[], params: Record<string, ParamValue> = {}) {
  const resolved = resolveCatalog({ [ID]: { params } }, [mass as unknown as Detection<Params, unknown>]);
  return detectAll(resolved, events.map((e) => normalize(e)));
}

const lockouts = (n: number, spacing = 3) => staff.slice(0, n).map((p, i) => lockout(p, at(i * spacing)));

describe('okta-mass-account-lockouts', () => {
  it('given 4 users locked out in 12 minutes (threshold - 1), when run, then it stays quiet', () => {
    expect(run(lockouts(4))).toHaveLength(0);
  });

  it('given 5 users locked out in 12 minutes, when run, then it raises one medium org finding', () => {
    const [f, ...rest] = run(lockouts(5));
    expect(rest).toHaveLength(0);
    expect(f.severity).toBe('medium');
    expect(f.subject).toMatchObject({ type: 'org' });
    expect(f.eventUuids).toHaveLength(5);
  });

  it('given the 5th lockout exactly 30 minutes after the first, when run, then it stays quiet; just inside, it fires', () => {
    const events = lockouts(4, 5);
    expect(run([...events, lockout(staff[4], at(30))])).toHaveLength(0);
    expect(run([...events, lockout(staff[4], at(29.9))])).toHaveLength(1);
  });

  it('given one user locked out 6 times, when run, then it counts once and stays quiet', () => {
    expect(run([0, 2, 4, 6, 8, 10].map((n) => lockout(staff[0], at(n))))).toHaveLength(0);
  });

  it('given tenant overrides threshold 3 and windowMinutes 5, when run, then they apply', () => {
    expect(run(lockouts(3, 1), { threshold: 3 })).toHaveLength(1);
    expect(run(lockouts(5, 2), { windowMinutes: 5 })).toHaveLength(0);
  });

  it('given 12 lockouts in half an hour, when run, then it fires once', () => {
    expect(run(lockouts(12, 2))).toHaveLength(1);
  });

  it('given the lockouts arrive in reverse order, when run, then it still fires once', () => {
    expect(run(lockouts(5).reverse())).toHaveLength(1);
  });
});
