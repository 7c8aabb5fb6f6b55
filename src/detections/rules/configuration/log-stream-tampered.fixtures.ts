import { userActor } from '../../../okta/fixtures';
import type { OktaActor } from '../../../okta/log-event';
import { adminEvent, ROGUE } from '../../fixture-builders/admin';
import { fixtureTable } from '../../fixture-table';
import detection from './log-stream-tampered';

const T0 = '2026-11-05T02:00:00Z';
const stream = (name = 'Vigil EventBridge', id = '0oa1logstrVigil4x7'): OktaActor => ({ id, type: 'LogStream', alternateId: 'unknown', displayName: name, detailEntry: null });
const OKTA: OktaActor = { id: '0oa1systemprincipal', type: 'SystemPrincipal', alternateId: 'system@okta.com', displayName: 'Okta System', detailEntry: null };
const ev = (eventType: string, target: OktaActor[] = [stream()], actor: OktaActor = userActor(ROGUE)) =>
  adminEvent({ eventType, at: T0, target, actor, requestUri: `/api/v1/logStreams/${target[0]?.id}/lifecycle` });

export default fixtureTable(detection, {
  positive: [
    { name: 'admin deactivates the stream feeding Vigil', events: [ev('system.log_stream.lifecycle.deactivate')], expect: [{ subject: { type: 'org', id: 'log-stream:0oa1logstrVigil4x7' } }] },
    { name: 'stream deleted', events: [ev('system.log_stream.lifecycle.delete')], expect: [{ subject: { type: 'org', id: 'log-stream:0oa1logstrVigil4x7' } }] },
    { name: 'stream repointed to another AWS account', events: [ev('system.log_stream.lifecycle.update')], expect: [{ subject: { type: 'org', id: 'log-stream:0oa1logstrVigil4x7' } }] },
    { name: 'Okta deactivates the stream after delivery failures', events: [ev('system.log_stream.lifecycle.deactivate', [stream()], OKTA)], expect: [{ subject: { type: 'org', id: 'log-stream:0oa1logstrVigil4x7' } }] },
  ],
  negative: [
    { name: 'stream created or activated', events: [ev('system.log_stream.lifecycle.create'), ev('system.log_stream.lifecycle.activate')], expect: [] },
    { name: 'a stream the tenant chose to ignore', events: [ev('system.log_stream.lifecycle.update', [stream('Splunk test', '0oa1logstrSplk4x7')])], expect: [], params: { ignoreStreams: ['Splunk test'] } },
  ],
});
