/**
 * The Lambda code archives, shared by every stack of an app: each function's bundle directory is zipped
 * (deterministically, stacks/zip.ts) and hashed once per app, into
 * `<outdir>/assets/<function>/<hash>/archive.zip`, and every tenant stack names that one file by its
 * path from the stack's directory (`<outdir>/stacks/<stack>/`, where Terraform runs). A TerraformAsset
 * per stack would hash and zip every bundle again for every tenant (a child process per archive): most
 * of the synth time with many tenants.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { App, Manifest, type TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';
import { filesIn, zipDirectory } from './zip';

/** Under the app's output directory, next to `stacks/`. */
export const ASSETS_DIR = 'assets';
export const ARCHIVE_NAME = 'archive.zip';

export interface FunctionArchive {
  /** Content hash of the bundle directory (as TerraformAsset hashes one): changes exactly when the code does. */
  readonly hash: string;
  /** The archive's path relative to the app's output directory, `/`-separated. */
  readonly path: string;
}

/** Per app: the archives written, by bundle directory, and the functions whose old archives were removed. */
const written = new WeakMap<App, { archives: Map<string, FunctionArchive>; cleaned: Set<string> }>();

/**
 * The archive of one function's bundle directory: zipped into the app's output directory on the app's
 * first use of that directory, then shared.
 */
export function functionArchive(scope: IConstruct, functionName: string, bundleDirectory: string): FunctionArchive {
  const app = App.of(scope);
  let state = written.get(app);
  if (!state) written.set(app, (state = { archives: new Map(), cleaned: new Set() }));
  const dir = resolve(bundleDirectory);
  const known = state.archives.get(dir);
  if (known) return known;

  const hash = contentHash(dir);
  const archive: FunctionArchive = { hash, path: posix.join(ASSETS_DIR, functionName, hash, ARCHIVE_NAME) };
  // Archives of earlier synths of this function go, as TerraformAsset removes its earlier versions.
  if (!state.cleaned.has(functionName)) {
    rmSync(join(app.outdir, ASSETS_DIR, functionName), { recursive: true, force: true });
    state.cleaned.add(functionName);
  }
  const file = join(app.outdir, archive.path);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, zipDirectory(dir));
  state.archives.set(dir, archive);
  return archive;
}

/** The archive's path as a stack's configuration names it: from the stack's directory. */
export function archivePathFrom(stack: TerraformStack, archive: FunctionArchive): string {
  return posix.relative(posix.join(Manifest.stacksFolder, stack.node.id), archive.path);
}

/** MD5 of the files' contents in path order, upper-case hex: the hash TerraformAsset gives a directory. */
export function contentHash(dir: string): string {
  const md5 = createHash('md5');
  for (const f of filesIn(dir)) md5.update(readFileSync(join(dir, f)));
  return md5.digest('hex').toUpperCase();
}
