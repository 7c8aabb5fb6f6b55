import fc from 'fast-check';
import { ingestPattern, matches, MAX_PATTERN_LENGTH, patternProblem, patternView, type EventPattern } from '../../src/events/patterns';
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

  it('given an envelope, when viewed for the ingest pattern, then only the fields the pattern reads are kept and the view matches as the event does', () => {
    const event = e('user.session.start');
    const view = patternView(event, [ingestPattern()]);
    expect(view).toEqual({ source: event.source, 'detail-type': event['detail-type'] });
    expect(matches(ingestPattern(), view)).toBe(true);
    expect(matches(ingestPattern(), patternView({ ...event, source: 'aws.events' }, [ingestPattern()]))).toBe(false);
  });

  it('given patterns reading the same object at different depths, when viewed, then the whole value a value rule tests is kept', () => {
    const event = { detail: { eventType: 'a', actor: { id: 'x', type: 'User' } }, source: 's' };
    const view = patternView(event, [{ detail: { eventType: ['a'] } }, { detail: [{ exists: true }] }]);
    expect(view).toEqual({ detail: event.detail });
    expect(patternView(event, [{ detail: { actor: { type: ['User'] } } }])).toEqual({ detail: { actor: { type: 'User' } } });
  });

  it('given any patterns and events, when matched against their view, then the answer is the one the event gives', () => {
    const key = fc.constantFrom('source', 'detail-type', 'detail', 'eventType', 'actor', 'replay-name', 'constructor', '__proto__');
    const leaf = fc.oneof(fc.constantFrom('a', 'b', 'okta.x'), fc.integer({ min: 0, max: 2 }), fc.boolean(), fc.constant(null));
    const rule = fc.oneof(leaf, fc.record({ prefix: fc.constantFrom('', 'a', 'okta') }), fc.record({ exists: fc.boolean() }), fc.record({ 'anything-but': fc.oneof(fc.constantFrom('a', 'b'), fc.array(fc.constantFrom('a', 'b'))) }));
    const pattern: fc.Arbitrary<EventPattern> = fc.letrec((tie) => ({
      p: fc.dictionary(key, fc.oneof({ depthSize: 'small' }, fc.array(rule, { minLength: 1, maxLength: 3 }), tie('p')), { minKeys: 1, maxKeys: 3 }),
    })).p as fc.Arbitrary<EventPattern>;
    const value = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, leaf, fc.array(leaf, { maxLength: 3 }), fc.dictionary(key, tie('v'), { maxKeys: 4 })),
    })).v;
    fc.assert(
      fc.property(fc.array(pattern, { minLength: 1, maxLength: 3 }), value, (patterns, event) => {
        const view = patternView(event, patterns);
        for (const p of patterns) expect(matches(p, view)).toBe(matches(p, event));
      }),
      { numRuns: 500 },
    );
  });
});
