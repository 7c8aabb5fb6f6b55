/**
 * Where each function's bundle is: `<bundle dir>/<function>/index.mjs`, exporting `handler`. Written by
 * scripts/bundle.ts, zipped once per synth for every stack (stacks/function-archives.ts). Build-time only: handlers never import this (an ES module
 * bundle has no `__dirname`).
 */
import { join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(__dirname, '..', '..');

/** Where `npm run build:functions` puts the bundles. */
export const DEFAULT_BUNDLE_DIR = join(PROJECT_ROOT, 'dist', 'functions');

/** The bundle's module name inside its function's directory, and its extension (an ES module). */
export const BUNDLE_MODULE = 'index';
export const BUNDLE_EXTENSION = '.mjs';
export const BUNDLE_FILE = `${BUNDLE_MODULE}${BUNDLE_EXTENSION}`;
/** The Lambda handler setting for a bundle: its module and the exported `handler`. */
export const BUNDLE_HANDLER = `${BUNDLE_MODULE}.handler`;

/** The bundle file of one function in a bundle directory. */
export function bundleFile(bundleDir: string, functionName: string): string {
  return join(bundleDir, functionName, BUNDLE_FILE);
}
