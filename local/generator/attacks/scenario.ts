/**
 * What an attack scenario is, and where the attackers come from.
 */
import { PLACES, type Place } from '../../../src/okta/fixtures';
import type { Day } from '../day';
import type { User } from '../people';

export interface AttackScenario {
  /** What the demo prints and the tests look for. */
  readonly name: string;
  /** The id of the detection the scenario is written to trigger. */
  readonly detection: string;
  /** Writes the attack's events to the day (drawing nothing from its random stream); says when it started and whom it targeted. */
  inject(day: Day, users: readonly User[]): { readonly at: number; readonly user?: string };
}

export const LAGOS: Place = { ...PLACES.lagos, ip: '102.89.34.17' };
export const MOSCOW: Place = { ...PLACES.moscow, ip: '95.173.136.70' };
