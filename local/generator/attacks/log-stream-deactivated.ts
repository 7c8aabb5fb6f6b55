/** Twenty-five minutes into the takeover, the attacker turns off the log stream that feeds Vigil. */
import { BROWSER_UA, userActor } from '../../../src/okta/fixtures';
import { MINUTE } from '../../../src/time';
import { MOSCOW, type AttackScenario } from './scenario';
import { takenOver, takeoverStart } from './takeover';

export const logStreamDeactivated: AttackScenario = {
  name: 'log stream deactivated',
  detection: 'okta-log-stream-tampered',
  inject(day, users) {
    const at = takeoverStart(day) + 25 * MINUTE;
    day.push({ eventType: 'system.log_stream.lifecycle.deactivate', at, actor: userActor(takenOver(users).p), place: MOSCOW, userAgent: BROWSER_UA, outcome: 'SUCCESS', target: [{ id: '0oxlogstream0000001', type: 'LogStream', alternateId: 'aws_eventbridge', displayName: 'Vigil EventBridge stream', detailEntry: null }], displayMessage: 'Deactivate log stream' });
    return { at };
  },
};
