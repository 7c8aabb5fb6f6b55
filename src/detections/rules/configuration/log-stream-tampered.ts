import { actorContext, actorLabel, capitalize, inList, named, objectName, succeeded, targetOfType } from '../../kit/admin-change';
import { singleEvent } from '../../kit/single-event';

const ACTIONS: Readonly<Record<string, string>> = {
  'system.log_stream.lifecycle.deactivate': 'deactivated',
  'system.log_stream.lifecycle.delete': 'deleted',
  'system.log_stream.lifecycle.update': 'changed',
};

/** The System Log stream (the feed Vigil reads) switched off, removed or repointed. */
export default singleEvent({
  id: 'okta-log-stream-tampered',
  title: 'Okta log stream deactivated, deleted or changed',
  description:
    'An Okta log stream was deactivated, deleted or updated (`system.log_stream.lifecycle.deactivate/delete/update`). ' +
    'The log stream to EventBridge is what feeds Vigil: once it is off, every later event is invisible, so this is the ' +
    'last signal before going blind. Okta also deactivates a stream by itself when the destination keeps failing ' +
    '(actor is Okta, `context.byOkta`). Either way the feed must be restored and the gap back-filled from the System Log API.',
  severity: 'critical',
  mitre: { tactic: 'Defense Evasion', technique: 'T1562.008', name: 'Impair Defenses: Disable or Modify Cloud Logs' },
  mode: 'near-time',
  eventTypes: Object.keys(ACTIONS),
  defaults: { ignoreStreams: [] as readonly string[] },
  match(e, p) {
    if (!succeeded(e)) return undefined;
    const stream = targetOfType(e, ['LogStream', 'log_stream', 'Stream']);
    if (inList(stream?.displayName, p.ignoreStreams) || inList(stream?.id, p.ignoreStreams)) return undefined;
    const action = ACTIONS[e.eventType];
    const byOkta = e.actor?.type === 'SystemPrincipal' || /^system@okta\.com$/i.test(e.actor?.alternateId ?? '');
    return {
      subject: { type: 'org', id: `log-stream:${stream?.id ?? 'unknown'}`, display: stream ? `log stream ${objectName(stream)}` : 'log stream' },
      summary: `${capitalize(named('log stream', stream))} ${action} by ${byOkta ? 'Okta (delivery failures?)' : actorLabel(e)}`,
      context: { ...actorContext(e), eventType: e.eventType, action, stream: stream?.displayName, streamId: stream?.id, byOkta },
    };
  },
  status: 'stable',
  falsePositives: [
    'A planned migration of the log stream',
  ],
  runbook: {
    check: [
      'Who changed the stream, and what else that admin did in the same session',
      'Whether events are still arriving',
    ],
    act: [
      'Reactivate the stream; treat the admin session as compromised until explained, and pull the gap from the System Log API',
    ],
  },
  references: [
    'okta/customer-detections log_stream_tampering (eventType sw "system.log_stream.lifecycle")',
    'https://help.okta.com/en-us/content/topics/reports/log-streaming/about-log-streams.htm',
  ],
});
