/**
 * Bundle every Lambda function in LAMBDAS with esbuild, once, into `dist/functions/<name>/index.mjs` (src/pipeline/bundles.ts).
 *
 * One esbuild build with one entry point per function (no code splitting, so each output is
 * self-contained). Nothing is bundled at synth time: the synth zips each directory once for the whole
 * app and every tenant stack uses that archive (stacks/function-archives.ts). `npm run synth` runs this first.
 *
 * The output is deterministic for the same sources and dependencies (no timestamps, no absolute paths),
 * so the archives' hashes, and therefore the Lambda code, only change when the code does.
 *
 * Usage: tsx scripts/bundle.ts [outdir]   (default dist/functions)
 */
import { build, type BuildOptions } from 'esbuild';
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BUNDLE_EXTENSION, bundleFile, BUNDLE_MODULE, DEFAULT_BUNDLE_DIR, PROJECT_ROOT } from '../src/pipeline/bundles';
import { LAMBDAS, type LambdaName } from '../src/pipeline/lambdas';

/** esbuild options shared by every function. */
export function bundleOptions(outdir: string): BuildOptions {
  const names = Object.keys(LAMBDAS) as LambdaName[];
  return {
    absWorkingDir: PROJECT_ROOT,
    entryPoints: names.map((n) => ({ in: LAMBDAS[n].entry, out: `${n}/${BUNDLE_MODULE}` })),
    outdir,
    outExtension: { '.js': BUNDLE_EXTENSION },
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    // Bundled CommonJS dependencies may call require() on Node built-ins; give ESM output a require.
    banner: { js: "import { createRequire as __vigilCreateRequire } from 'node:module'; const require = __vigilCreateRequire(import.meta.url);" },
    // The AWS SDK is bundled too: the version deployed is the version tested, not the runtime's.
    minify: true,
    keepNames: true,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
  };
}

export async function bundleFunctions(outdir = DEFAULT_BUNDLE_DIR): Promise<Record<LambdaName, number>> {
  const names = Object.keys(LAMBDAS) as LambdaName[];
  const missing = names.filter((n) => !existsSync(join(PROJECT_ROOT, LAMBDAS[n].entry)));
  if (missing.length) {
    throw new Error(`cannot bundle: missing Lambda entry file(s): ${missing.map((n) => LAMBDAS[n].entry).join(', ')}`);
  }
  rmSync(outdir, { recursive: true, force: true });
  const result = await build(bundleOptions(outdir));
  const sizes = {} as Record<LambdaName, number>;
  for (const n of names) {
    const out = Object.entries(result.metafile!.outputs).find(([file]) => resolve(PROJECT_ROOT, file) === bundleFile(outdir, n));
    sizes[n] = out ? out[1].bytes : 0;
  }
  return sizes;
}

if (require.main === module) {
  const outdir = process.argv[2] ? resolve(process.argv[2]) : DEFAULT_BUNDLE_DIR;
  const started = Date.now();
  bundleFunctions(outdir).then(
    (sizes) => {
      for (const [n, bytes] of Object.entries(sizes)) console.log(`  ${n.padEnd(14)} ${(bytes / 1024).toFixed(1).padStart(8)} KiB`);
      console.log(`bundled ${Object.keys(sizes).length} functions into ${outdir} in ${Date.now() - started} ms`);
    },
    (err: Error) => {
      console.error(err.message);
      process.exit(1);
    },
  );
}
