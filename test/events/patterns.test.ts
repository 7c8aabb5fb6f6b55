import { ingestPattern, matches, MAX_PATTERN_LENGTH, patternProblem } from '../../src/events/patterns';
import { envelope, logEvent } from '../../src/okta/fixtures';

const e = (eventType: string) => envelope(logEvent({ eventType, at: '2026-11-02T09:00:00Z' }));

describe('event patterns', () => {
  it('given an Okta event, when matched against the ingest pattern, then it matches; other sources and detail types do not', () => {
    expect(matches(ingestPattern(), e('user.session.start'))).toBe(true);
    expect(matches(ingestPattern(), { ...e('user.session.start'), source: 'aws.events' })).toBe(false);
    expect(matches(ingestPattern(), { ...e('user.session.start'), 'detail-type': 'Other' })).toBe(false);
  });

  it('given patterns EventBridge would refuse, when checked, then each problem is named; the ingest pattern has none', () => {
    expect(patternProblem(ingestPattern())).toBeUndefined();
    expect(patternProblem({})).toBe('the pattern has no fields');
    expect(patternProblem({ detail: { eventType: [] } })).toBe('detail.eventType lists no values');
    const types = Array.from({ length: 200 }, (_, i) => `user.some.long.event.type.number.${i}`);
    expect(patternProblem({ ...ingestPattern(), detail: { eventType: types } })).toMatch(new RegExp(`over the ${MAX_PATTERN_LENGTH}-character limit`));
  });
});
