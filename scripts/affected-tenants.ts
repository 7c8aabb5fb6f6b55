/**
 * Which tenant stacks a change affects, for CI's plans and the deploy's matrix.
 *
 *   tsx scripts/affected-tenants.ts --base <git ref>     tenants the commits since <ref> affect
 *   tsx scripts/affected-tenants.ts --requested "<ids>"  tenants named by hand ("all", or ids separated by commas/spaces)
 *
 * Prints a JSON array of tenant ids; with GITHUB_OUTPUT set, also writes `tenants=<that array>` there. A requested id
 * that is not a tenant is refused (exit 2), so a dispatch input never reaches a command unchecked.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { loadTenants } from '../src/tenants/load';

/** Paths whose change can change what is deployed for every tenant (a trailing `/` means everything under it). */
export const SHARED_DEPLOY_PATHS = ['src/', 'stacks/', 'functions/', 'scripts/', 'main.ts', 'cdktf.json', 'package.json', 'package-lock.json', 'tsconfig.json', '.npmrc', '.github/workflows/deploy.yml'] as const;
/** The tenant files: a change to one affects that tenant. */
export const TENANTS_PATH = 'tenants/';

function isShared(file: string): boolean {
  return SHARED_DEPLOY_PATHS.some((p) => (p.endsWith('/') ? file.startsWith(p) : file === p));
}

/**
 * The tenants (ids, sorted) that changed files affect: shared code → every tenant; a tenant file → the tenant it
 * defines now (`idOfFile`; a deleted file defines none); anything else (docs, tests, the local runtime) → none.
 */
export function affectedTenants(changed: readonly string[], tenantIds: readonly string[], idOfFile: (file: string) => string | undefined): string[] {
  if (changed.some(isShared)) return [...tenantIds].sort();
  const ids = new Set<string>();
  for (const f of changed) {
    if (!f.startsWith(TENANTS_PATH) || !f.endsWith('.json')) continue;
    const id = idOfFile(f);
    if (id !== undefined && tenantIds.includes(id)) ids.add(id);
  }
  return [...ids].sort();
}

/** Tenants asked for by hand: `all` (or nothing) → every tenant; else each id must be a tenant's. */
export function requestedTenants(requested: string, tenantIds: readonly string[]): string[] {
  const words = requested.split(/[\s,]+/).filter(Boolean);
  if (words.length === 0 || (words.length === 1 && words[0] === 'all')) return [...tenantIds].sort();
  const unknown = words.filter((w) => !tenantIds.includes(w));
  if (unknown.length) throw new Error(`not tenant ids: ${unknown.map((w) => JSON.stringify(w.slice(0, 40))).join(', ')} (tenants: ${tenantIds.join(', ')})`);
  return [...new Set(words)].sort();
}

function changedSince(base: string, root: string): string[] {
  const out = execFileSync('git', ['diff', '--name-only', `${base}...HEAD`], { cwd: root, encoding: 'utf8' });
  return out.split('\n').filter(Boolean);
}

function main(argv: readonly string[]): void {
  const root = resolve(__dirname, '..');
  const dir = join(root, 'tenants');
  const tenantIds = loadTenants(dir).map((t) => t.id);
  const flag = argv[0];
  let ids: string[];
  if (flag === '--base' && argv[1]) {
    ids = affectedTenants(changedSince(argv[1], root), tenantIds, (f) => {
      const path = join(root, f);
      return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as { id?: string }).id : undefined;
    });
  } else if (flag === '--requested') {
    ids = requestedTenants(argv[1] ?? '', tenantIds);
  } else {
    throw new Error(`usage: ${basename(__filename)} --base <git ref> | --requested "<all | ids>"`);
  }
  const json = JSON.stringify(ids);
  process.stdout.write(`${json}\n`);
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `tenants=${json}\n`);
}

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`affected-tenants: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  }
}
