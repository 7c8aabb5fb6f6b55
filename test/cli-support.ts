/** For tests that run the CLI: input files (NDJSON in a new temporary directory) and the output captured. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Io } from '../cli/commands';

/** A new temporary directory of its own. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'vigil-test-'));
}

/** Write `lines` as an NDJSON file (`name`) in a new temporary directory; returns its path. */
export function ndjsonFile(lines: readonly string[], name = 'events.ndjson'): string {
  const file = join(tempDir(), name);
  writeFileSync(file, lines.join('\n'));
  return file;
}

/** An Io that keeps what a command writes to stdout and stderr, a line an entry. */
export function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}
