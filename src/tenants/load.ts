import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { checkOverrides } from '../detections/catalog';
import { eventSourceName, tenantSchema, type Tenant } from './schema';
import { sharedAccountProblems } from './shared-account';

/** The environment variable naming the directory of tenant files. */
export const TENANTS_DIR_ENV = 'VIGIL_TENANTS_DIR';
export const DEFAULT_TENANTS_DIR = 'tenants';

/**
 * The directory of tenant files: `dir` when given, else VIGIL_TENANTS_DIR, else `tenants` (under `root` when given,
 * so a command finds the project's tenants from any working directory).
 */
export function tenantsDir(dir?: string, env: NodeJS.ProcessEnv = process.env, root?: string): string {
  return dir ?? env[TENANTS_DIR_ENV] ?? (root === undefined ? DEFAULT_TENANTS_DIR : join(root, DEFAULT_TENANTS_DIR));
}

export interface TenantProblem {
  readonly file: string;
  readonly tenant?: string;
  readonly field: string;
  readonly message: string;
}

/** A tenant file (or several) broke the rules. The message lists every problem, one a line. */
export class TenantConfigError extends Error {
  constructor(readonly problems: readonly TenantProblem[]) {
    super(
      `Invalid tenant configuration:\n` +
        problems.map((p) => `  ${p.file}: tenant ${p.tenant ? `"${p.tenant}"` : '(unknown id)'}: field ${p.field}: ${p.message}`).join('\n'),
    );
    this.name = 'TenantConfigError';
  }
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path.length ? path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[') : '(root)';
}

/** Keys that would reach an object's prototype machinery when a document is read into objects: refused anywhere in a tenant file. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Every forbidden key in a parsed document, with its path. */
function forbiddenKeys(value: unknown, path: PropertyKey[] = []): PropertyKey[][] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const at = [...path, Array.isArray(value) ? Number(k) : k];
    return FORBIDDEN_KEYS.has(k) ? [at] : forbiddenKeys(v, at);
  });
}

/** Parse and validate one tenant document; problems are returned, not thrown. */
export function parseTenant(file: string, value: unknown): { tenant?: Tenant; problems: TenantProblem[] } {
  const idGuess = value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string' ? (value as { id: string }).id : undefined;
  const forbidden = forbiddenKeys(value);
  if (forbidden.length) {
    return { problems: forbidden.map((path) => ({ file, tenant: idGuess, field: fieldPath(path), message: `the key "${String(path[path.length - 1])}" is not allowed anywhere in a tenant file` })) };
  }
  const result = tenantSchema.safeParse(value);
  if (!result.success) {
    return {
      problems: result.error.issues.map((i) => ({
        file,
        tenant: idGuess,
        field: fieldPath(i.path),
        message: i.code === 'unrecognized_keys' ? `unknown field(s) ${i.keys.join(', ')}` : i.message,
      })),
    };
  }
  const problems = checkOverrides(result.data.detections).map((p) => ({ file, tenant: result.data.id, field: p.path, message: p.message }));
  return problems.length ? { problems } : { tenant: result.data, problems: [] };
}

/** Load every `*.json` tenant file in a directory; all problems across all files are reported together. */
export function loadTenants(dir: string): Tenant[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  } catch (err) {
    throw new TenantConfigError([{ file: dir, field: '(directory)', message: `cannot read tenant directory: ${(err as Error).message}` }]);
  }
  const problems: TenantProblem[] = [];
  const tenants: Array<{ file: string; tenant: Tenant }> = [];
  for (const f of files) {
    const path = join(dir, f);
    const shown = relative(process.cwd(), path) || basename(path);
    let value: unknown;
    try {
      const text = readFileSync(path, 'utf8');
      if (text.startsWith('\uFEFF')) {
        problems.push({ file: shown, field: '(file)', message: 'starts with a byte order mark (BOM): save it as UTF-8 without one' });
        continue;
      }
      value = JSON.parse(text);
    } catch (err) {
      problems.push({ file: shown, field: '(file)', message: `is not valid JSON: ${(err as Error).message}` });
      continue;
    }
    const parsed = parseTenant(shown, value);
    problems.push(...parsed.problems);
    if (!parsed.tenant) continue;
    if (f !== `${parsed.tenant.id}.json`) {
      problems.push({ file: shown, tenant: parsed.tenant.id, field: 'id', message: `must match the file name: tenant "${parsed.tenant.id}" belongs in ${parsed.tenant.id}.json` });
      continue;
    }
    tenants.push({ file: shown, tenant: parsed.tenant });
  }
  // Ids are unique: each is its file's name. Event sources must be too.
  const bySource = new Map<string, string>();
  for (const { file, tenant } of tenants) {
    const source = eventSourceName(tenant);
    if (bySource.has(source)) problems.push({ file, tenant: tenant.id, field: 'okta.eventSourceName', message: `duplicate event source ${source}, already used in ${bySource.get(source)}` });
    bySource.set(source, file);
  }
  // Each tenant takes one event bus in its account and region; EventBridge limits how many there are.
  const maxBuses = Number(process.env.VIGIL_MAX_BUSES_PER_ACCOUNT ?? DEFAULT_MAX_BUSES);
  const perAccount = new Map<string, Array<{ file: string; tenant: Tenant }>>();
  for (const t of tenants) {
    const k = `${t.tenant.aws.accountId}/${t.tenant.aws.region}`;
    perAccount.set(k, [...(perAccount.get(k) ?? []), t]);
  }
  for (const [k, list] of perAccount) {
    if (list.length <= maxBuses) continue;
    const { file, tenant } = list[maxBuses];
    problems.push({ file, tenant: tenant.id, field: 'aws.accountId', message: `${list.length} tenants in ${k} need ${list.length} event buses, over the quota of ${maxBuses} (EventBridge's default; after AWS raises it, set VIGIL_MAX_BUSES_PER_ACCOUNT)` });
  }
  problems.push(...sharedAccountProblems(tenants));
  if (problems.length) throw new TenantConfigError(problems);
  return tenants.map((t) => t.tenant);
}

/** EventBridge's default quota of event buses per account and region. */
export const DEFAULT_MAX_BUSES = 100;

/** Find one tenant by id or fail with the ids that exist. */
export function findTenant(tenants: readonly Tenant[], id: string): Tenant {
  const t = tenants.find((x) => x.id === id);
  if (!t) throw new Error(`no tenant "${id}"; known tenants: ${tenants.map((x) => x.id).join(', ') || '(none)'}`);
  return t;
}
