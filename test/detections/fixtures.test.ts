import { catalog } from '../../src/detections/catalog';
import { detectAll } from '../../src/detections/reorder';
import { normalize } from '../../src/okta/event';
import { withQuirks } from '../../src/okta/fixtures';
import type { Detection, Fixture, Params } from '../../src/detections/types';

function run(d: Detection<Params, unknown>, f: Fixture<Params>, quirks?: Parameters<typeof withQuirks>[1]) {
  const params = { ...d.defaults, ...(f.params ?? {}) } as Params;
  const events = f.events.map((e) => normalize(quirks ? withQuirks(e, quirks) : e));
  return detectAll([{ detection: d, params }], events);
}

describe.each(catalog.map((d) => [d.id, d] as const))('%s', (_id, d) => {
  it('has at least one positive and one negative fixture', () => {
    expect(d.fixtures.positive.length).toBeGreaterThan(0);
    expect(d.fixtures.negative.length).toBeGreaterThan(0);
  });

  it.each(d.fixtures.positive.map((f) => [f.name, f] as const))('given positive fixture "%s", when run, then it raises its findings', (_n, f) => {
    const findings = run(d, f);
    expect(findings).toHaveLength(f.findings);
    expect(f.findings).toBeGreaterThan(0);
    for (const x of findings) {
      expect(x.detectionId).toBe(d.id);
      expect(x.eventUuids.length).toBeGreaterThan(0);
      expect(Date.parse(x.windowStart)).toBeLessThanOrEqual(Date.parse(x.windowEnd));
    }
  });

  it.each(d.fixtures.negative.map((f) => [f.name, f] as const))('given negative fixture "%s", when run, then it stays quiet', (_n, f) => {
    expect(run(d, f)).toHaveLength(f.findings);
    expect(f.findings).toBe(0);
  });

  it('given only quirky events (string "null", null target, empty client, null security context, string debug data), when run, then it does not throw', () => {
    for (const f of [...d.fixtures.positive, ...d.fixtures.negative]) {
      expect(() => run(d, f, { nullTarget: true, emptyClient: true, nullSecurity: true, stringDebug: true })).not.toThrow();
    }
  });

  it('given string debug data (as Okta sends it), when the positive fixtures run, then they still fire', () => {
    for (const f of d.fixtures.positive) expect(run(d, f, { stringDebug: true })).toHaveLength(f.findings);
  });

  it('declares metadata a catalog needs', () => {
    expect(d.id).toMatch(/^okta-[a-z0-9-]+$/);
    expect(d.mitre.technique).toMatch(/^T\d{4}(\.\d{3})?$/);
    expect(d.eventTypes.length).toBeGreaterThan(0);
    expect(d.description.length).toBeGreaterThan(40);
  });
});

it('detection ids are unique', () => {
  expect(new Set(catalog.map((d) => d.id)).size).toBe(catalog.length);
});
