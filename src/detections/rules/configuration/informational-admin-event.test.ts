import { normalize } from '../../../okta/event';
import { userActor } from '../../../okta/fixtures';
import type { OktaLogEvent } from '../../../okta/log-event';
import { categoryOf } from '../../catalog';
import { ADMIN } from '../../fixture-builders/admin';
import { detectAll } from '../../reorder';
import type { Detection, Params } from '../../types';
import detection from './informational-admin-event';
import { adminAction, FORMER_ADMIN, revoke } from './informational-admin-event.fixtures';

const d = detection as unknown as Detection<Params, unknown>;
const run = (events: OktaLogEvent[]) => detectAll([{ detection: d, params: d.defaults }], events.map(normalize));

describe('okta-informational-admin-event', () => {
  it('is registered in the configuration category, hourly, low', () => {
    expect(categoryOf(detection.id)).toBe('configuration');
    expect([detection.mode, detection.severity]).toEqual(['hourly', 'low']);
  });

  it('given a revocation and a role removal, when detected, then low findings that read as sentences', () => {
    const found = run([revoke(), adminAction('user.account.privilege.revoke', [userActor(FORMER_ADMIN)])]);
    expect(found.map((f) => [f.severity, f.summary])).toEqual([
      ['low', `${ADMIN.login} revoked API token siem-reader`],
      ['low', `${ADMIN.login} revoked an admin role from oscar.lind@example.com`],
    ]);
  });
});
