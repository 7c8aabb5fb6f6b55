/**
 * The detection catalog has no import circles: a rule imports the kit, its fixtures import the rule, its test
 * imports both, and nothing imports back.
 */
import { relative } from 'node:path';
import { circles, importGraph } from './import-graph';

describe('imports of the detection catalog', () => {
  it('given a graph with a circle, when searched, then the circle is reported', () => {
    const graph = new Map([
      ['rule.ts', ['kit.ts', 'rule.fixtures.ts']],
      ['rule.fixtures.ts', ['rule.ts']],
      ['kit.ts', []],
    ]);
    expect(circles(graph)).toEqual([['rule.fixtures.ts', 'rule.ts', 'rule.fixtures.ts']]);
  });

  it('given every module under src/detections (rules, fixtures, tests, kit), when their imports are resolved, then none leads back to itself', () => {
    const graph = importGraph('src/detections');
    expect(graph.size).toBeGreaterThan(100);
    expect(circles(graph).map((c) => c.map((f) => relative('src/detections', f)).join(' -> '))).toEqual([]);
  });
});
