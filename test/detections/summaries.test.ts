/** Summaries read naturally for every target shape: named, unnamed, named after their kind, missing (Okta's null target). */
import { normalize } from '../../src/okta/event';
import { withQuirks } from '../../src/okta/fixtures';
import type { OktaLogEvent } from '../../src/okta/log-event';
import { named } from '../../src/detections/kit/admin-change';
import { detectAll } from '../../src/detections/reorder';
import type { Detection, Params } from '../../src/detections/types';
import { findFixtureTables } from './fixture-tables';

/** Every target renamed after its own type ("API token" for a Token): the shape that read "created API token API token". */
function namedAfterKind(e: OktaLogEvent): OktaLogEvent {
  const kinds: Record<string, string> = { token: 'API token', identityprovider: 'identity provider', group: 'Group', logstream: 'Log stream', policyrule: 'rule' };
  return { ...e, target: (e.target ?? []).map((t) => ({ ...t, displayName: kinds[(t.type ?? '').toLowerCase().replace(/[^a-z]/g, '')] ?? t.displayName })) };
}

const problems = (summary: string) =>
  [/\b(\w+ \w+) \1\b/i, /\b(\w{3,}) \1\b/i, /\bundefined\b/, /\bnull\b/, /\[object Object\]/, /\(unnamed\)/, /\s{2,}/].filter((re) => re.test(summary)).map(String);

describe('finding summaries', () => {
  it('given an object named after its kind, unnamed, or without a name, when named, then it reads naturally', () => {
    expect(named('API token', { id: '00T1', type: 'Token', displayName: 'ci-deploy' })).toBe('API token ci-deploy');
    expect(named('API token', { id: '00T1', type: 'Token', displayName: 'Okta API Token' })).toBe('Okta API Token');
    expect(named('API token', { id: '00T1', type: 'Token', alternateId: 'unknown' })).toBe('API token 00T1');
    expect(named('API token', undefined)).toBe('an unnamed API token');
    expect(named('identity provider', { id: '0oa1', type: 'IdentityProvider', displayName: 'Partner IdP' }, ['IdP'])).toBe('Partner IdP');
  });

  const cases = findFixtureTables().flatMap(({ table }) => table.positive.map((f) => [`${table.detection.id}: ${f.name}`, table.detection, f] as const));
  it.each(cases)('given %s with targets as named, named after their kind and missing, when run, then no summary repeats itself or shows a placeholder', (_n, d: Detection<Params, unknown>, f) => {
    const params = { ...d.defaults, ...(f.params ?? {}) } as Params;
    for (const shape of [(e: OktaLogEvent) => e, namedAfterKind, (e: OktaLogEvent) => withQuirks(e, { nullTarget: true })]) {
      for (const finding of detectAll([{ detection: d, params }], f.events.map((e) => normalize(shape(e))))) expect({ summary: finding.summary, problems: problems(finding.summary) }).toEqual({ summary: finding.summary, problems: [] });
    }
  });
});
