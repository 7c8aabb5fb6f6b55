import { normalize } from '../../../okta/event';
import type { OktaLogEvent } from '../../../okta/log-event';
import { categoryOf } from '../../catalog';
import { DetectionEngine } from '../../engine';
import { detectAll } from '../../reorder';
import type { Detection, Params } from '../../types';
import detection from './admin-console-first-access';
import { consoleAccess, HELPDESK, IT_ADMIN, signIn } from './admin-console-first-access.fixtures';

const d = detection as unknown as Detection<Params, unknown>;
const run = (events: OktaLogEvent[]) => detectAll([{ detection: d, params: d.defaults }], events.map(normalize));

describe('okta-admin-console-first-access', () => {
  it('is registered in the privilege category, hourly, medium, experimental', () => {
    expect(categoryOf(detection.id)).toBe('privilege');
    expect([detection.mode, detection.severity, detection.status]).toEqual(['hourly', 'medium', 'experimental']);
  });

  it('given a user seen for three weeks, when they open the Admin Console, then the summary says first time and since when', () => {
    const [f] = run([signIn(HELPDESK, 0), signIn(HELPDESK, 20), consoleAccess(HELPDESK, 20)]);
    expect(f.summary).toBe('sam.rivera@example.com opened the Okta Admin Console for the first time (signing in since 2026-11-01)');
  });

  it('given a new tenant whose admins open the console on day one, when three weeks later they open it again, then nothing: learnt during the learning period', () => {
    const days = [0, 1, 2, 7, 14, 21];
    expect(run(days.flatMap((day) => [signIn(IT_ADMIN, day), consoleAccess(IT_ADMIN, day)]))).toEqual([]);
  });

  it('given the hourly runs carry state between hours, when the first access comes in a later run, then it is judged against the persisted state', () => {
    const first = new DetectionEngine([{ detection: d, params: d.defaults }]);
    for (const e of [signIn(HELPDESK, 0), signIn(HELPDESK, 15)]) first.process(normalize(e));
    const second = new DetectionEngine([{ detection: d, params: d.defaults }]);
    for (const entry of first.export()) second.load(entry);
    expect(second.process(normalize(consoleAccess(HELPDESK, 15))).map((f) => f.subject.id)).toEqual([HELPDESK.id]);
  });
});
