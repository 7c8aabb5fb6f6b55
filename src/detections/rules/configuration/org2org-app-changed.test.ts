import { normalize } from '../../../okta/event';
import type { OktaLogEvent } from '../../../okta/log-event';
import { categoryOf } from '../../catalog';
import { ROGUE } from '../../fixture-builders/admin';
import { detectAll } from '../../reorder';
import type { Detection, Params } from '../../types';
import detection from './org2org-app-changed';
import { appEvent, org2org } from './org2org-app-changed.fixtures';

const d = detection as unknown as Detection<Params, unknown>;
const run = (events: OktaLogEvent[]) => detectAll([{ detection: d, params: d.defaults }], events.map(normalize));

describe('okta-org2org-app-changed', () => {
  it('is registered in the configuration category, near-time', () => {
    expect(categoryOf(detection.id)).toBe('configuration');
    expect(detection.mode).toBe('near-time');
  });

  it('given an Org2Org app created, activated and changed, when detected, then high, high and medium, each saying what was done', () => {
    const found = run([appEvent('application.lifecycle.create'), appEvent('application.lifecycle.activate', org2org('Org2Org', '0oa1b')), appEvent('application.lifecycle.update', org2org('Spoke', '0oa1c'))]);
    expect(found.map((f) => [f.severity, f.summary])).toEqual([
      ['high', `${ROGUE.login} created Okta Org2Org`],
      ['high', `${ROGUE.login} activated Org2Org`],
    ]);
    expect(run([appEvent('application.lifecycle.update', org2org('Org2Org Spoke', '0oa1c'))]).map((f) => [f.severity, f.summary])).toEqual([['medium', `${ROGUE.login} changed Org2Org Spoke`]]);
  });
});
