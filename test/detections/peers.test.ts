import { catalog } from '../../src/detections/catalog';
import { PEER_RULES } from '../../src/detections/peers';

describe('the public Okta rules on the catalog page', () => {
  it('given every public rule listed as covered, when its Vigil detections are looked up, then each is in the catalog', () => {
    const ids = new Set(catalog.map((d) => d.id));
    const unknown = PEER_RULES.flatMap((r) => ('coveredBy' in r ? r.coveredBy.filter((id) => !ids.has(id)).map((id) => `${r.source}/${r.rule}: ${id}`) : []));
    expect(unknown).toEqual([]);
  });

  it('given the list, then each rule appears once and every rule not covered says why', () => {
    const keys = PEER_RULES.map((r) => `${r.source}/${r.rule}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of PEER_RULES) if ('gap' in r) expect(r.gap.length).toBeGreaterThan(10);
  });
});
