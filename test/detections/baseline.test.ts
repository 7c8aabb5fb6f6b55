/**
 * The org's own normal (src/detections/kit/baseline.ts): learned per hour of the day in a detection's state, small,
 * JSON-serializable, and the same whether a week runs in one go or hour by hour from persisted snapshots.
 */
import { normalize } from '../../src/okta/event';
import { resolveCatalog } from '../../src/detections/catalog';
import { DetectionEngine, type StateEntry } from '../../src/detections/engine';
import { orgHour, spray } from '../../src/detections/fixture-builders/large-org';
import { type Baseline, BASELINE_DEFAULTS, normalAt, observe } from '../../src/detections/kit/baseline';
import sprayDistributed from '../../src/detections/rules/credentials/password-spray-distributed';
import type { Detection, Params } from '../../src/detections/types';
import { DAY, HOUR } from '../../src/time';

const T0 = Date.parse('2026-11-02T00:00:00Z');
const at = (day: number, hour: number, minute = 0) => T0 + day * DAY + hour * HOUR + minute * 60_000;

/** The level `perDay[d]` at 10:00 on each day d, and nothing else. */
function learn(perDay: readonly number[]): Baseline | undefined {
  let b: Baseline | undefined;
  perDay.forEach((level, d) => (b = observe(b, at(d, 10, 5), level)));
  return b;
}

describe('baseline', () => {
  it('given 3 days with 10 at 10:00, when the 4th day at 10:00 is judged, then it is learned with a normal of 10', () => {
    const n = normalAt(learn([10, 10, 10, 0]), at(3, 10, 30), BASELINE_DEFAULTS);
    expect(n).toEqual({ learned: true, mean: 10, limit: Math.ceil(10 + 4 * Math.sqrt(10)) });
  });

  it('given 2 days of history, when the 3rd day is judged, then it is still learning', () => {
    expect(normalAt(learn([10, 10, 0]), at(2, 10, 30), BASELINE_DEFAULTS).learned).toBe(false);
  });

  it('given the hours between are quiet, when another hour of the day is judged, then its normal is 0', () => {
    const n = normalAt(learn([10, 10, 10, 0]), at(3, 14), BASELINE_DEFAULTS);
    expect(n).toMatchObject({ learned: true, mean: 0 });
  });

  it('given a baseline of a week, when written as JSON and read back, then it judges the same and stays small', () => {
    const b = learn([12, 9, 14, 11, 10, 13, 12, 0]);
    const json = JSON.stringify(b);
    expect(normalAt(JSON.parse(json), at(7, 10, 30), BASELINE_DEFAULTS)).toEqual(normalAt(b, at(7, 10, 30), BASELINE_DEFAULTS));
    expect(json.length).toBeLessThan(1500);
  });
});

describe('okta-password-spray-distributed, hour by hour', () => {
  const resolved = () => resolveCatalog({}, [sprayDistributed as unknown as Detection<Params, unknown>]);
  /** Five mornings of an org whose normal is 25 people failing from home, and a spray on the fifth. */
  const events = [
    ...[0, 1, 2, 3, 4].flatMap((d) => orgHour(at(d, 10), { users: 4000, signIns: 200, mistypes: 10, gaveUpAtHome: 25 })),
    ...spray(at(4, 10, 10), Array.from({ length: 30 }, (_, k) => 7 + k * 131)),
    ...[0, 1, 2, 3, 4].flatMap((d) => orgHour(at(d, 11), { users: 4000, signIns: 50, mistypes: 2 })),
  ]
    .map((e) => normalize(e))
    .sort((a, b) => a.time - b.time);

  it('given five days run at once and run hour by hour from JSON snapshots, when compared, then the findings are the same', () => {
    const once = new DetectionEngine(resolved());
    const all = events.flatMap((e) => once.process(e));

    let saved: StateEntry[] = [];
    const hourly = [];
    for (let h = at(0, 0); h < at(5, 0); h += HOUR) {
      const mine = events.filter((e) => e.time >= h && e.time < h + HOUR);
      if (!mine.length) continue;
      const engine = new DetectionEngine(resolved(), { emitFrom: h, emitTo: h + HOUR });
      for (const s of saved) engine.load(JSON.parse(JSON.stringify(s)));
      for (const e of mine) hourly.push(...engine.process(e));
      saved = [...engine.export()];
    }
    expect(hourly.map((f) => f.id)).toEqual(all.map((f) => f.id));
    expect(all).toHaveLength(4);
    expect(all[3].context).toMatchObject({ baseline: 'learned' });
    expect(all[3].summary).toMatch(/x the usual/);
  });

  it('given the org key learned a baseline, when its state is exported, then it is kept for days', () => {
    const engine = new DetectionEngine(resolved());
    for (const e of events) engine.process(e);
    const [entry] = [...engine.export()];
    expect(entry.expiresAt - entry.lastSeen).toBe(14 * DAY);
  });
});
