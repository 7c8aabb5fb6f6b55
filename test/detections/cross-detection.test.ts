/** What detections say about each other's findings (Detection.readsFindings, Detection.subsumes), across the catalog. */
import { catalog } from '../../src/detections/catalog';
import { DetectionEngine } from '../../src/detections/engine';
import { LEDGER_STATE_ID } from '../../src/detections/ledger';
import { normalize } from '../../src/okta/event';
import { minutes } from '../../src/okta/fixtures';
import type { Detection, Params } from '../../src/detections/types';
import { supportToolReset, VICTIM } from '../../src/detections/fixture-builders/support';
import supportReset from '../../src/detections/rules/privilege/support-credential-reset';
import anonymizerSignIn from '../../src/detections/rules/sessions/anonymizer-sign-in';
import selfReset from '../../src/detections/rules/mfa/mfa-self-reset-suspicious-session';
import { torSignIn } from '../../src/detections/rules/mfa/mfa-self-reset-suspicious-session.fixtures';

const ids = new Set(catalog.map((d) => d.id));
const byId = new Map(catalog.map((d) => [d.id, d]));

describe('cross-detection declarations', () => {
  it('given every detection that reads or subsumes findings, then the detections it names are in the catalog', () => {
    const named = catalog.flatMap((d) => [...(d.readsFindings?.(d.defaults).detections ?? []), ...(d.subsumes?.detections ?? [])]);
    expect(named.filter((id) => !ids.has(id))).toEqual([]);
    expect(named.length).toBeGreaterThan(0);
  });

  it('given a detection that reads findings, then it is hourly: near-time evaluates each detection alone', () => {
    expect(catalog.filter((d) => d.readsFindings && d.mode !== 'hourly').map((d) => d.id)).toEqual([]);
  });

  it('given a detection subsumed by another, then it is hourly: a near-time finding is notified before anything subsumes it', () => {
    const subsumed = catalog.flatMap((d) => d.subsumes?.detections ?? []);
    expect(subsumed.filter((id) => byId.get(id)?.mode !== 'hourly')).toEqual([]);
  });
});

describe('the findings ledger', () => {
  const resolved = [anonymizerSignIn, selfReset].map((d) => ({ detection: d as unknown as Detection<Params, unknown>, params: (d as unknown as Detection<Params, unknown>).defaults }));
  const T0 = '2026-11-07T10:00:00Z';

  it('given a finding another detection reads, when the state is exported, then the ledger goes with it until the reader stops reading', () => {
    const engine = new DetectionEngine(resolved);
    engine.process(normalize(torSignIn(minutes(T0, 0))));
    const ledger = [...engine.export()].find((e) => e.detectionId === LEDGER_STATE_ID);
    expect(ledger?.expiresAt).toBe(Date.parse(T0) + 12 * 60 * 60_000);
  });

  it('given no detection reads findings, when the state is exported, then there is no ledger (near-time runs each detection alone)', () => {
    const engine = new DetectionEngine([resolved[0]]);
    engine.process(normalize(torSignIn(minutes(T0, 0))));
    expect([...engine.export()].some((e) => e.detectionId === LEDGER_STATE_ID)).toBe(false);
  });

  it('given a subsuming detection alone (near-time), when it fires, then it keeps no ledger: its only state is its own', () => {
    const alone = { detection: supportReset as unknown as Detection<Params, unknown>, params: (supportReset as unknown as Detection<Params, unknown>).defaults };
    const engine = new DetectionEngine([alone]);
    expect(engine.process(normalize(supportToolReset('user.mfa.factor.reset_all', T0, VICTIM))).map((f) => f.detectionId)).toEqual(['okta-support-credential-reset']);
    expect([...engine.export()]).toEqual([]);
  });
});
