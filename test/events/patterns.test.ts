import { catalog, nearTimeEventTypes, resolveCatalog } from '../../src/detections/catalog';
import { ingestPattern, matches, MAX_PATTERN_LENGTH, nearTimePatterns } from '../../src/events/patterns';
import { envelope, logEvent } from '../../src/okta/fixtures';

const e = (eventType: string) => envelope(logEvent({ eventType, at: '2026-11-02T09:00:00Z' }));

describe('event patterns', () => {
  it('given an Okta event, when matched against the ingest pattern, then it matches; other sources and detail types do not', () => {
    expect(matches(ingestPattern(), e('user.session.start'))).toBe(true);
    expect(matches(ingestPattern(), { ...e('user.session.start'), source: 'aws.events' })).toBe(false);
    expect(matches(ingestPattern(), { ...e('user.session.start'), 'detail-type': 'Other' })).toBe(false);
  });

  it('given the catalog, when near-time patterns are generated, then they cover exactly the near-time event types', () => {
    const types = nearTimeEventTypes(resolveCatalog());
    const patterns = nearTimePatterns(types);
    expect(patterns.flatMap((p) => (p.detail as { eventType: string[] }).eventType).sort()).toEqual(types);
    for (const t of types) expect(patterns.some((p) => matches(p, e(t)))).toBe(true);
    expect(patterns.some((p) => matches(p, e('user.authentication.sso')))).toBe(false);
  });

  it('given many event types, when patterns are generated, then each stays within the 2,048-character limit', () => {
    const types = Array.from({ length: 200 }, (_, i) => `user.some.long.event.type.number.${i}`);
    const patterns = nearTimePatterns(types);
    expect(patterns.length).toBeGreaterThan(1);
    for (const p of patterns) expect(JSON.stringify(p).length).toBeLessThanOrEqual(MAX_PATTERN_LENGTH);
    expect(patterns.flatMap((p) => (p.detail as { eventType: string[] }).eventType)).toHaveLength(200);
  });

  it('given a tenant that disables every near-time detection, when patterns are generated, then there are none', () => {
    const off = Object.fromEntries(catalog.filter((d) => d.mode === 'near-time').map((d) => [d.id, { enabled: false }]));
    expect(nearTimePatterns(nearTimeEventTypes(resolveCatalog(off)))).toEqual([]);
  });
});
