/**
 * Bounds on the numbers a tenant may give a detection's parameters, by the parameter's name (one convention for the
 * whole catalog): a threshold or a minimum or maximum count of 0 would fire on everything or on nothing, and a window
 * longer than the state a detection keeps is not a window. Checked with the tenant's overrides (checkOverrides).
 */

/** The longest windows a parameter may name, by unit: a week of minutes or hours, a year of days. */
export const MAX_WINDOW = { Minutes: 7 * 24 * 60, Hours: 7 * 24, Days: 365 } as const;

/** `threshold` and the counts named `min...`/`max...` (`sprayMinUsers` of 0 is a switch, not a threshold: it is not one). */
const THRESHOLD = /^threshold$|^(min|max)[A-Z]/;

/** Why a numeric parameter's value is out of bounds, or undefined when it is not. */
export function paramBoundProblem(name: string, value: number): string | undefined {
  for (const [unit, max] of Object.entries(MAX_WINDOW)) {
    if (!name.endsWith(unit)) continue;
    const min = unit === 'Days' ? 0 : 1;
    return value >= min && value <= max ? undefined : `must be from ${min} to ${max} ${unit.toLowerCase()} (a window beyond that is longer than any detection keeps state)`;
  }
  if (THRESHOLD.test(name) && value < 1) return 'must be at least 1 (a threshold of 0 would fire on every event)';
  return undefined;
}
