import { normalize } from '../../../okta/event';
import { minutes } from '../../../okta/fixtures';
import type { OktaLogEvent } from '../../../okta/log-event';
import { categoryOf } from '../../catalog';
import { detectAll } from '../../reorder';
import type { Detection, Params } from '../../types';
import detection from './unassigned-app-access';
import { attempt } from './unassigned-app-access.fixtures';

const d = detection as unknown as Detection<Params, unknown>;
const T0 = '2026-11-06T13:00:00Z';
const run = (events: OktaLogEvent[], params: Partial<Params> = {}) => detectAll([{ detection: d, params: { ...d.defaults, ...params } as Params }], events.map(normalize));

describe('okta-unassigned-app-access', () => {
  it('is registered in the sessions category, hourly, low', () => {
    expect(categoryOf(detection.id)).toBe('sessions');
    expect([detection.mode, detection.severity]).toEqual(['hourly', 'low']);
  });

  it('given eight attempts in an hour, when detected, then one finding for the window, naming the count and the last app', () => {
    const found = run(Array.from({ length: 8 }, (_, i) => attempt(minutes(T0, i * 3), ['AWS', 'GitHub'][i % 2])));
    expect(found).toHaveLength(1);
    expect(found[0].summary).toBe('nina.patel@example.com tried 5 times within 60 minutes to open applications not assigned to them');
    expect(found[0].context).toMatchObject({ lastApp: 'AWS' });
  });

  it('given a tenant threshold of 3, when three attempts come, then it fires', () => {
    expect(run([0, 1, 2].map((m) => attempt(minutes(T0, m), 'AWS')), { minAttempts: 3 })).toHaveLength(1);
  });
});
