/**
 * The shared code archives: one deterministic zip per bundle per app, named from each stack's
 * directory, with a hash that follows the code.
 */
import { Testing, TerraformStack } from 'cdktf';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { archivePathFrom, functionArchive } from '../../stacks/function-archives';
import { zipDirectory } from '../../stacks/zip';

function bundleDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-bundle-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

const unzipAvailable = spawnSync('unzip', ['-v']).status === 0;

describe('function archives', () => {
  it('given two stacks of one app, when both name a bundle, then it is zipped once and each stack names that file from its own directory', () => {
    const app = Testing.app();
    const [a, b] = [new TerraformStack(app, 'tenant-a'), new TerraformStack(app, 'tenant-b')];
    const dir = bundleDir({ 'index.mjs': 'export const handler = 1;\n' });
    const first = functionArchive(a, 'ingest', dir);
    const written = statSync(join(app.outdir, first.path)).mtimeMs;
    const second = functionArchive(b, 'ingest', dir);
    expect(second).toBe(first);
    expect(statSync(join(app.outdir, first.path)).mtimeMs).toBe(written);
    expect(first.path).toBe(`assets/ingest/${first.hash}/archive.zip`);
    for (const stack of [a, b]) {
      const fromStack = archivePathFrom(stack, first);
      expect(fromStack).toBe(`../../assets/ingest/${first.hash}/archive.zip`);
      expect(statSync(join(app.outdir, 'stacks', stack.node.id, fromStack)).isFile()).toBe(true);
    }
  });

  it('given the same code twice, when archived by two apps, then the bytes and the hash are the same; given changed code, then both change', () => {
    const archive = (code: string) => {
      const app = Testing.app();
      const a = functionArchive(new TerraformStack(app, 's'), 'ingest', bundleDir({ 'index.mjs': code }));
      return { hash: a.hash, bytes: readFileSync(join(app.outdir, a.path)) };
    };
    const [one, again, changed] = [archive('export const v = 1;\n'), archive('export const v = 1;\n'), archive('export const v = 2;\n')];
    expect(again.hash).toBe(one.hash);
    expect(again.bytes.equals(one.bytes)).toBe(true);
    expect(changed.hash).not.toBe(one.hash);
    expect(changed.bytes.equals(one.bytes)).toBe(false);
  });

  (unzipAvailable ? it : it.skip)('given a directory with nested files, when zipped, then `unzip` reads back every file and its contents (when unzip is installed)', () => {
    const files = { 'index.mjs': 'export const handler = async () => 42;\n'.repeat(50), 'lib/data.json': '{"a":[1,2,3]}', 'lib/é.txt': 'unicode name' };
    const dir = bundleDir(files);
    const zip = join(mkdtempSync(join(tmpdir(), 'vigil-zip-')), 'archive.zip');
    writeFileSync(zip, zipDirectory(dir));
    expect(spawnSync('unzip', ['-tq', zip], { encoding: 'utf8' }).status).toBe(0);
    for (const [name, content] of Object.entries(files)) expect(spawnSync('unzip', ['-p', zip, name], { encoding: 'utf8' }).stdout).toBe(content);
    const listing = spawnSync('zipinfo', [zip], { encoding: 'utf8' }).stdout;
    expect(listing).toMatch(/-rw-r--r--.*index\.mjs/);
  });
});
