import { normalize } from '../../../okta/event';
import { minutes } from '../../../okta/fixtures';
import type { OktaLogEvent } from '../../../okta/log-event';
import { categoryOf } from '../../catalog';
import { detectAll } from '../../reorder';
import type { Detection, Params } from '../../types';
import detection from './app-password-revealed';
import { APPS, reveal } from './app-password-revealed.fixtures';

const d = detection as unknown as Detection<Params, unknown>;
const T0 = '2026-11-06T22:10:00Z';
const run = (events: OktaLogEvent[]) => detectAll([{ detection: d, params: d.defaults }], events.map(normalize));

describe('okta-app-password-revealed', () => {
  it('is registered in the credentials category, hourly', () => {
    expect(categoryOf(detection.id)).toBe('credentials');
    expect(detection.mode).toBe('hourly');
  });

  it('given four apps revealed in a burst, when detected, then one finding that counts the apps', () => {
    const found = run(APPS.map((a, i) => reveal(minutes(T0, i), a)));
    expect(found.map((f) => f.summary)).toEqual(['tom.becker@example.com revealed the stored passwords of 3 applications within 60 minutes']);
  });
});
