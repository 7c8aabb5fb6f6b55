/**
 * The detection catalog: the one list of detections that the stacks (near-time event patterns), the
 * hourly workflow, the near-time handler, the local runtime and the CLI all read.
 */
import { paramBoundProblem } from './param-bounds';
import { categories } from './rules';
import type { Detection, ParamValue, Params, ResolvedDetection } from './types';

export type Category = keyof typeof categories;

export const catalog: readonly Detection<Params, unknown>[] = Object.values(categories).flat() as Detection<Params, unknown>[];

export function categoryOf(id: string): Category | undefined {
  for (const [name, list] of Object.entries(categories)) if ((list as readonly Detection<Params, unknown>[]).some((d) => d.id === id)) return name as Category;
  return undefined;
}

/** A tenant's say over one detection. */
export interface DetectionOverride {
  readonly enabled?: boolean;
  readonly params?: Readonly<Record<string, ParamValue>>;
}

export type DetectionOverrides = Readonly<Record<string, DetectionOverride>>;

/** Why an override does not fit the catalog, with the path of the offending field. */
export interface OverrideProblem {
  readonly path: string;
  readonly message: string;
}

function sameType(a: ParamValue, b: unknown): boolean {
  if (Array.isArray(a)) return Array.isArray(b) && b.every((x) => typeof x === 'string');
  if (typeof a === 'number') return typeof b === 'number' && Number.isFinite(b) && b >= 0;
  return typeof a === typeof b;
}

function describe(v: ParamValue): string {
  return Array.isArray(v) ? 'a list of strings' : typeof v === 'number' ? 'a non-negative number' : `a ${typeof v}`;
}

/** Check overrides against the catalog: unknown detections, unknown parameters and wrong types are problems. */
export function checkOverrides(overrides: DetectionOverrides, detections: readonly Detection<Params, unknown>[] = catalog): OverrideProblem[] {
  const problems: OverrideProblem[] = [];
  for (const [id, o] of Object.entries(overrides)) {
    const d = detections.find((x) => x.id === id);
    if (!d) {
      problems.push({ path: `detections.${id}`, message: `unknown detection "${id}" (see \`vigil detections\`)` });
      continue;
    }
    for (const [name, value] of Object.entries(o.params ?? {})) {
      if (!Object.hasOwn(d.defaults, name)) {
        problems.push({ path: `detections.${id}.params.${name}`, message: `unknown parameter; ${id} takes ${Object.keys(d.defaults).join(', ') || 'no parameters'}` });
      } else if (!sameType(d.defaults[name], value)) {
        problems.push({ path: `detections.${id}.params.${name}`, message: `must be ${describe(d.defaults[name])}, like the default ${JSON.stringify(d.defaults[name])}` });
      } else if (typeof value === 'number' && paramBoundProblem(name, value)) {
        problems.push({ path: `detections.${id}.params.${name}`, message: paramBoundProblem(name, value)! });
      }
    }
  }
  return problems;
}

/** The enabled detections with their parameters for one tenant (defaults, then the tenant's overrides). */
export function resolveCatalog(overrides: DetectionOverrides = {}, detections: readonly Detection<Params, unknown>[] = catalog): ResolvedDetection[] {
  const problems = checkOverrides(overrides, detections);
  if (problems.length) throw new Error(problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return detections
    .filter((d) => overrides[d.id]?.enabled !== false)
    .map((d) => ({ detection: d, params: { ...d.defaults, ...(overrides[d.id]?.params ?? {}) } as Params }));
}

/** Event types read by near-time detections, sorted and unique. */
export function nearTimeEventTypes(resolved: readonly ResolvedDetection[]): string[] {
  return [...new Set(resolved.filter((r) => r.detection.mode === 'near-time').flatMap((r) => r.detection.eventTypes))].sort();
}
