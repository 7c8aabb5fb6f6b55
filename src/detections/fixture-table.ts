/**
 * A detection's fixture table: named sets of events with what the detection must report over each. Every rule has
 * one, in `<name>.fixtures.ts` beside it (`export default fixtureTable(detection, { positive, negative })`); the
 * generic fixture test finds the tables by walking the rules folder and runs every fixture. Test code only: no
 * rule, and nothing a Lambda function bundles, imports this module.
 */
import type { OktaLogEvent } from '../okta/log-event';
import type { Detection, Params, Subject } from './types';

/**
 * A finding a fixture must raise: whom it is about and, when its events span time (threshold and stateful
 * detections), the event time of its first and last events.
 */
export interface ExpectedFinding {
  readonly subject: Pick<Subject, 'type' | 'id'>;
  /** ISO 8601, as in the finding; stated exactly when it differs from `windowEnd`. */
  readonly windowStart?: string;
  readonly windowEnd?: string;
}

export interface Fixture<P extends Params = Params> {
  readonly name: string;
  readonly events: readonly OktaLogEvent[];
  /** The findings the detection must raise over these events, in the order it raises them; empty for a negative fixture. */
  readonly expect: readonly ExpectedFinding[];
  /** Parameter overrides for this fixture. */
  readonly params?: Partial<P>;
}

/** One detection and its fixtures: positive ones raise findings, negative ones stay quiet. */
export interface FixtureTable<P extends Params = Params> {
  readonly detection: Detection<P, unknown>;
  readonly positive: readonly Fixture<P>[];
  readonly negative: readonly Fixture<P>[];
  /**
   * Detections run beside this one over every fixture, with their defaults: those whose findings it reads
   * ({@link Detection.readsFindings}). Only this detection's findings are compared.
   */
  readonly alongside?: readonly Detection<Params, unknown>[];
}

/** A fixture table for `detection`, with the fixtures' parameter overrides checked against its parameters. */
export function fixtureTable<P extends Params>(
  detection: Detection<P, unknown>,
  fixtures: { readonly positive: readonly Fixture<P>[]; readonly negative: readonly Fixture<P>[]; readonly alongside?: readonly Detection<any, any>[] },
): FixtureTable {
  return { detection: detection as unknown as Detection<Params, unknown>, positive: fixtures.positive, negative: fixtures.negative, alongside: fixtures.alongside } as FixtureTable;
}
