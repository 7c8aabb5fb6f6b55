import { normalize } from '../../../okta/event';
import { userActor, withQuirks } from '../../../okta/fixtures';
import type { OktaActor, OktaLogEvent } from '../../../okta/log-event';
import { categoryOf, nearTimeEventTypes, resolveCatalog } from '../../catalog';
import { adminEvent, ROGUE } from '../../fixture-builders/admin';
import { detectAll } from '../../reorder';
import type { Detection, Params } from '../../types';
import detection from './log-stream-tampered';

const T0 = '2026-11-05T02:00:00Z';
const stream = (name = 'Vigil EventBridge', id = '0oa1logstrVigil4x7'): OktaActor => ({ id, type: 'LogStream', alternateId: 'unknown', displayName: name, detailEntry: null });
const OKTA: OktaActor = { id: '0oa1systemprincipal', type: 'SystemPrincipal', alternateId: 'system@okta.com', displayName: 'Okta System', detailEntry: null };
const ev = (eventType: string, target: OktaActor[] | null = [stream()], actor: OktaActor = userActor(ROGUE)) => adminEvent({ eventType, at: T0, target, actor });

function run(events: OktaLogEvent[], params: Record<string, unknown> = {}) {
  return detectAll([{ detection: detection as Detection<Params, unknown>, params: { ...detection.defaults, ...params } as Params }], events.map(normalize));
}

describe('okta-log-stream-tampered', () => {
  it('is registered as a critical near-time configuration detection whose event types reach the near-time rule', () => {
    expect(categoryOf(detection.id)).toBe('configuration');
    expect(detection.severity).toBe('critical');
    expect(detection.mode).toBe('near-time');
    expect(nearTimeEventTypes(resolveCatalog())).toEqual(expect.arrayContaining(['system.log_stream.lifecycle.deactivate', 'system.log_stream.lifecycle.delete']));
  });

  it.each([
    ['system.log_stream.lifecycle.deactivate', 'deactivated'],
    ['system.log_stream.lifecycle.delete', 'deleted'],
    ['system.log_stream.lifecycle.update', 'changed'],
  ])('given %s by an admin, when detected, then one critical finding (%s)', (eventType, action) => {
    const [f, ...rest] = run([ev(eventType)]);
    expect(rest).toHaveLength(0);
    expect(f.severity).toBe('critical');
    expect(f.subject).toEqual({ type: 'org', id: 'log-stream:0oa1logstrVigil4x7', display: 'log stream Vigil EventBridge' });
    expect(f.context).toMatchObject({ action, byOkta: false, actor: ROGUE.login });
  });

  it('given Okta itself deactivates the stream (delivery failures), when detected, then it still fires, flagged byOkta', () => {
    const [f] = run([ev('system.log_stream.lifecycle.deactivate', [stream()], OKTA)]);
    expect(f.context?.byOkta).toBe(true);
    expect(f.summary).toContain('by Okta');
  });

  it('given create and activate, when detected, then quiet', () => {
    expect(run([ev('system.log_stream.lifecycle.create'), ev('system.log_stream.lifecycle.activate')])).toHaveLength(0);
  });

  it('given a stream the tenant ignores, when detected, then quiet; other streams still fire', () => {
    const events = [ev('system.log_stream.lifecycle.delete', [stream('Splunk test', '0oa1splk4x7')]), ev('system.log_stream.lifecycle.delete')];
    expect(run(events, { ignoreStreams: ['splunk test'] })).toHaveLength(1);
  });

  it('given a quirky deactivate with null target, when detected, then it still fires on the unknown stream', () => {
    const [f] = run([withQuirks(ev('system.log_stream.lifecycle.deactivate'), { nullTarget: true, emptyClient: true, nullSecurity: true, stringDebug: true })]);
    expect(f.subject.id).toBe('log-stream:unknown');
  });
});
