import { normalize } from '../../src/okta/event';
import { withQuirks } from '../../src/okta/fixtures';
import { catalog } from '../../src/detections/catalog';
import type { ExpectedFinding, Fixture, FixtureTable } from '../../src/detections/fixture-table';
import { detectAll } from '../../src/detections/reorder';
import type { Detection, Finding, Params } from '../../src/detections/types';
import { findFixtureTables } from './fixture-tables';

const found = findFixtureTables();
const tables = new Map(found.map((f) => [f.table.detection.id, f.table] as const));

function run(d: Detection<Params, unknown>, f: Fixture<Params>, quirks?: Parameters<typeof withQuirks>[1]) {
  const params = { ...d.defaults, ...(f.params ?? {}) } as Params;
  const events = f.events.map((e) => normalize(quirks ? withQuirks(e, quirks) : e));
  const alongside = (tables.get(d.id)?.alongside ?? []).map((x) => ({ detection: x, params: x.defaults }));
  return detectAll([...alongside, { detection: d, params }], events).filter((x) => x.detectionId === d.id);
}

/** What a fixture states about a finding: its subject, and its window when the window spans time. */
function stated(f: Finding): ExpectedFinding {
  const subject = { type: f.subject.type, id: f.subject.id };
  return f.windowStart === f.windowEnd ? { subject } : { subject, windowStart: f.windowStart, windowEnd: f.windowEnd };
}

describe('fixture tables', () => {
  it('given the rules folder, when its *.fixtures.ts files are read, then each names a catalog detection and no detection has two', () => {
    const unknown = found.filter((f) => !catalog.includes(f.table.detection)).map((f) => f.file);
    expect(unknown).toEqual([]);
    expect(tables.size).toBe(found.length);
  });

  it('given the catalog, when its fixture tables are looked up by detection id, then every detection has one', () => {
    expect(catalog.filter((d) => !tables.has(d.id)).map((d) => d.id)).toEqual([]);
  });
});

describe.each(catalog.map((d) => [d.id, d, tables.get(d.id) ?? { detection: d, positive: [], negative: [] }] as const))('%s', (_id, d, table: FixtureTable) => {
  it('has at least one positive and one negative fixture', () => {
    expect(table.positive.length).toBeGreaterThan(0);
    expect(table.negative.length).toBeGreaterThan(0);
  });

  it.each(table.positive.map((f) => [f.name, f] as const))('given positive fixture "%s", when run, then it raises the findings it expects', (_n, f) => {
    const findings = run(d, f);
    expect(f.expect.length).toBeGreaterThan(0);
    expect(findings.map(stated)).toEqual(f.expect);
    for (const x of findings) {
      expect(x.detectionId).toBe(d.id);
      expect(x.eventUuids.length).toBeGreaterThan(0);
      expect(Date.parse(x.windowStart)).toBeLessThanOrEqual(Date.parse(x.windowEnd));
    }
  });

  it.each(table.negative.map((f) => [f.name, f] as const))('given negative fixture "%s", when run, then it stays quiet', (_n, f) => {
    expect(f.expect).toEqual([]);
    expect(run(d, f).map(stated)).toEqual([]);
  });

  it('given only quirky events (string "null", null target, empty client, null security context, string debug data), when run, then it does not throw', () => {
    for (const f of [...table.positive, ...table.negative]) {
      expect(() => run(d, f, { nullTarget: true, emptyClient: true, nullSecurity: true, stringDebug: true })).not.toThrow();
    }
  });

  it('given string debug data (as Okta sends it), when the positive fixtures run, then they raise the same findings', () => {
    for (const f of table.positive) expect(run(d, f, { stringDebug: true }).map(stated)).toEqual(f.expect);
  });

  it('declares metadata a catalog needs', () => {
    expect(d.id).toMatch(/^okta-[a-z0-9-]+$/);
    expect(d.mitre.technique).toMatch(/^T\d{4}(\.\d{3})?$/);
    expect(d.eventTypes.length).toBeGreaterThan(0);
    expect(d.description.length).toBeGreaterThan(40);
    expect(['stable', 'experimental']).toContain(d.status);
    expect(d.falsePositives.length).toBeGreaterThan(0);
    expect(d.runbook.check.length).toBeGreaterThan(0);
    expect(d.runbook.act.length).toBeGreaterThan(0);
    expect(d.references.length).toBeGreaterThan(0);
  });
});

it('detection ids are unique', () => {
  expect(new Set(catalog.map((d) => d.id)).size).toBe(catalog.length);
});
