import { normalize } from '../../../okta/event';
import { minutes } from '../../../okta/fixtures';
import type { OktaLogEvent } from '../../../okta/log-event';
import { categoryOf } from '../../catalog';
import { DetectionEngine } from '../../engine';
import { detectAll } from '../../reorder';
import type { Detection, Params, ResolvedDetection } from '../../types';
import anonymizerSignIn from '../sessions/anonymizer-sign-in';
import detection from './mfa-self-reset-suspicious-session';
import { HOLDER, selfReset, torSignIn } from './mfa-self-reset-suspicious-session.fixtures';

const T0 = '2026-11-07T10:00:00Z';
const resolved = (d: Detection<any, any>): ResolvedDetection => ({ detection: d as Detection<Params, unknown>, params: d.defaults });
const withAnonymizer = [resolved(anonymizerSignIn), resolved(detection)];
const run = (events: OktaLogEvent[]) => detectAll(withAnonymizer, events.map(normalize)).filter((f) => f.detectionId === detection.id);

describe('okta-mfa-self-reset-suspicious-session', () => {
  it('is registered in the mfa category, hourly (it reads other findings), high', () => {
    expect(categoryOf(detection.id)).toBe('mfa');
    expect([detection.mode, detection.severity]).toEqual(['hourly', 'high']);
    expect(detection.readsFindings?.(detection.defaults)).toEqual({ detections: detection.defaults.after, withinMinutes: 12 * 60 });
  });

  it('given a Tor sign-in then a self reset, when detected, then the summary says what was reset and after which finding', () => {
    const [f] = run([torSignIn(minutes(T0, 0)), selfReset(minutes(T0, 25))]);
    expect(f.summary).toBe('ravi.shah@example.com reset all their MFA factors 25 minutes after okta-anonymizer-sign-in reported their account');
    expect(f.context?.after).toEqual([{ detectionId: 'okta-anonymizer-sign-in', severity: 'medium', windowStart: '2026-11-07T10:00:00.000Z', windowEnd: '2026-11-07T10:00:00.000Z' }]);
  });

  it('given the Tor sign-in in one hourly run and the reset in the next, when the state is carried between runs, then it fires in the second', () => {
    const first = new DetectionEngine(withAnonymizer);
    expect(first.process(normalize(torSignIn(minutes(T0, 0)))).map((f) => f.detectionId)).toEqual(['okta-anonymizer-sign-in']);
    const second = new DetectionEngine(withAnonymizer);
    for (const entry of first.export()) second.load(entry);
    expect(second.process(normalize(selfReset(minutes(T0, 70)))).map((f) => [f.detectionId, f.subject.id])).toEqual([[detection.id, HOLDER.id]]);
  });

  it('given only this detection (as near-time would run one detection alone), when the same events come, then quiet: it needs the findings it reads', () => {
    expect(detectAll([resolved(detection)], [torSignIn(minutes(T0, 0)), selfReset(minutes(T0, 25))].map(normalize))).toEqual([]);
  });
});
