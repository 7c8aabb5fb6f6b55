/**
 * Test support for the stacks: example tenants, stub bundles, one synth per tenant, and the helpers that
 * read the synthesized configuration.
 */
import { parse } from '@cdktf/hcl2json';
import { Testing, type TerraformResource } from 'cdktf';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { bundleFile } from '../../src/pipeline/bundles';
import { LAMBDAS } from '../../src/pipeline/lambdas';
import { loadTenants } from '../../src/tenants/load';
import type { Tenant } from '../../src/tenants/schema';
import { formatHcl } from '../../scripts/format-hcl';
import { TenantStack, type TenantStackProps } from '../../stacks/tenant-stack';

export const ROOT = resolve(__dirname, '..', '..');
export const EXAMPLE_TENANTS_DIR = join(ROOT, 'tenants');

export function exampleTenants(): Tenant[] {
  return loadTenants(EXAMPLE_TENANTS_DIR);
}

export function exampleTenant(id: string): Tenant {
  const t = exampleTenants().find((x) => x.id === id);
  if (!t) throw new Error(`no example tenant ${id}`);
  return t;
}

let stubDir: string | undefined;
/**
 * Stand-in bundles, one tiny `index.mjs` per function: the stacks only archive them, and fixed contents
 * keep the asset hashes (and so the snapshots) independent of the real handlers.
 */
export function stubBundles(): string {
  if (stubDir) return stubDir;
  stubDir = mkdtempSync(join(tmpdir(), 'vigil-bundles-'));
  for (const name of Object.keys(LAMBDAS)) {
    const file = bundleFile(stubDir, name);
    mkdirSync(dirname(file));
    writeFileSync(file, `export const handler = async () => ({ stub: ${JSON.stringify(name)} });\n`);
  }
  return stubDir;
}

/** The synthesized JSON configuration, metadata removed (what Testing.synth returns), parsed. */
export type TfJson = Record<string, any>;

export interface Synthesized {
  readonly stack: TenantStack;
  readonly json: TfJson;
  /** HCL as cdktf renders it. */
  readonly rawHcl: string;
}

export function synthTenant(tenant: Tenant, props: Partial<Omit<TenantStackProps, 'tenant'>> = {}): Synthesized {
  const app = Testing.app();
  const stack = new TenantStack(app, { bundleDir: stubBundles(), ...props, tenant });
  return { stack, json: JSON.parse(Testing.synth(stack)), rawHcl: Testing.synthHcl(stack) };
}

export { formatHcl };

/** `${type.name}` of a resource, as references to it render. */
export function ref(resource: TerraformResource, attribute: string): string {
  return `\${${resource.terraformResourceType}.${resource.friendlyUniqueId}.${attribute}}`;
}

export function resourcesOf(json: TfJson, type: string): Array<[string, any]> {
  return Object.entries(json.resource?.[type] ?? {});
}

export function onlyResource(json: TfJson, type: string): any {
  const all = resourcesOf(json, type);
  if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
  return all[0][1];
}

/** The aws_iam_policy_document a `${data.aws_iam_policy_document.X.json}` reference points to. */
export function policyDocumentOf(json: TfJson, reference: string): { statement: any[] } {
  const m = /^\$\{data\.aws_iam_policy_document\.([^.]+)\.json\}$/.exec(reference);
  if (!m) throw new Error(`not a policy document reference: ${reference}`);
  const doc = json.data?.aws_iam_policy_document?.[m[1]];
  if (!doc) throw new Error(`no policy document ${m[1]}`);
  return doc;
}

/** Terraform reference `${aws_x.name.attr}` -> resource address `aws_x.name`. */
export function addressOf(reference: string): string | undefined {
  return /^\$\{((?:data\.)?[a-z0-9_]+\.[A-Za-z0-9_-]+)\.[a-z_]+\}/.exec(reference)?.[1];
}

// ---- WebAssembly formatter and parser ---------------------------------------------------------------

/**
 * @cdktf/hcl-tools and @cdktf/hcl2json run Go compiled to WebAssembly, whose runtime keeps scheduling
 * timers for seconds after the last call, so Jest reports a worker that "failed to exit gracefully".
 * Timers set by the Go runtime (wasm_exec.js) are unref'd: they still fire while tests run, but do not
 * keep the worker alive. Test support only.
 */
const originalSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = ((...args: Parameters<typeof setTimeout>) => {
  const timer = originalSetTimeout(...args);
  if (new Error().stack?.includes('wasm_exec.js')) timer.unref();
  return timer;
}) as typeof setTimeout;

// ---- HCL <-> JSON ----------------------------------------------------------------------------------

/** Parse HCL with @cdktf/hcl2json (Terraform's own HCL parser, compiled to WebAssembly). */
export async function parseHcl(hcl: string): Promise<TfJson> {
  return (await parse('cdk.tf', hcl)) as TfJson;
}

/** Remove whitespace outside string literals inside `${...}` expressions. */
export function squeezeExpression(s: string): string {
  let out = '';
  let depth = 0; // interpolation depth
  let quoted = false; // inside a string literal within an interpolation
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (depth === 0) {
      if (c === '$' && s[i + 1] === '{' && s[i - 1] !== '$') {
        depth = 1;
        out += '${';
        i++;
      } else out += c;
      continue;
    }
    if (quoted) {
      out += c;
      if (c === '\\') out += s[++i];
      else if (c === '"') quoted = false;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (/\s/.test(c)) continue;
    out += c;
  }
  return out;
}

/**
 * Bring the synthesized JSON and the HCL parsed back by hcl2json to one shape:
 * - hcl2json gives every block as a list (HCL allows repeated blocks); JSON synth gives a single block
 *   as an object: a one-element list of objects becomes the object (on both sides);
 * - hcl2json gives every non-literal expression as `${<source>}`, spaced as the formatter spaced it;
 *   the JSON synth writes the same expression without the spaces: whitespace outside string literals
 *   inside `${...}` is removed (on both sides);
 * - `depends_on`: JSON syntax names resources with strings (`"aws_x.y"`), HCL with references
 *   (`aws_x.y`, which hcl2json gives as `"${aws_x.y}"`): the `${}` is removed.
 */
export function normalizeConfig(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) {
    if (value.length === 1 && value[0] !== null && typeof value[0] === 'object' && !Array.isArray(value[0])) return normalizeConfig(value[0], key);
    if (key === 'depends_on') return value.map((v) => (typeof v === 'string' ? v.replace(/^\$\{(.*)\}$/, '$1') : v));
    return value.map((v) => normalizeConfig(v));
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, normalizeConfig((value as Record<string, unknown>)[k], k)]),
    );
  }
  if (typeof value === 'string' && value.includes('${')) return squeezeExpression(value);
  return value;
}

// ---- jsonencode(...) -------------------------------------------------------------------------------

/**
 * The object inside `${jsonencode(<HCL object>)}`, as JSON, with each Terraform reference replaced by
 * the string `${reference}`.
 */
export function jsonencodeArgument(expression: string): unknown {
  const m = /^\$\{jsonencode\(([\s\S]*)\)\}$/.exec(expression);
  if (!m) throw new Error(`not a jsonencode expression: ${expression.slice(0, 60)}`);
  const src = m[1];
  let out = '';
  for (let i = 0; i < src.length; ) {
    const c = src[i];
    if (c === '"') {
      let j = i + 1;
      while (src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      out += src.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === '=') {
      out += ':';
      i++;
      continue;
    }
    const reference = /^[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)+/.exec(src.slice(i, i + 300));
    if (reference) {
      out += JSON.stringify(`\${${reference[0]}}`);
      i += reference[0].length;
      continue;
    }
    out += c;
    i++;
  }
  return JSON.parse(out);
}
