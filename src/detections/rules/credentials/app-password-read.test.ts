import { normalize } from '../../../okta/event';
import { userActor } from '../../../okta/fixtures';
import type { OktaLogEvent } from '../../../okta/log-event';
import { categoryOf } from '../../catalog';
import { ROGUE } from '../../fixture-builders/admin';
import { detectAll } from '../../reorder';
import type { Detection, Params } from '../../types';
import detection from './app-password-read';
import { passwordEvent, pushPasswords } from './app-password-read.fixtures';

const d = detection as unknown as Detection<Params, unknown>;
const run = (events: OktaLogEvent[]) => detectAll([{ detection: d, params: d.defaults }], events.map(normalize));

describe('okta-app-password-read', () => {
  it('is registered in the credentials category, near-time, high', () => {
    expect(categoryOf(detection.id)).toBe('credentials');
    expect([detection.mode, detection.severity]).toEqual(['near-time', 'high']);
  });

  it("given another user's password read, when detected, then the summary names who read whose password for which app", () => {
    const [f] = run([passwordEvent('app.user_management.app_user_password_view', userActor(ROGUE))]);
    expect(f.summary).toBe(`${ROGUE.login} read the password of lena.fischer@example.com for Payroll (password view)`);
  });

  it('given password push turned on, when detected, then the summary says the app now receives passwords', () => {
    expect(run([pushPasswords()])[0].summary).toBe(`${ROGUE.login} set Directory Sync to receive users' passwords through provisioning`);
  });
});
