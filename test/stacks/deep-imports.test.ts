/**
 * The AWS provider bindings are imported by deep path only (`@cdktf/provider-aws/lib/<resource>`):
 * the package root loads every one of its ~1,500 resources (about 1.7 s and 570 MB).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './support';

function sources(path: string): string[] {
  if (statSync(path).isFile()) return path.endsWith('.ts') ? [path] : [];
  return readdirSync(path).flatMap((name) => sources(join(path, name)));
}

/** Every module specifier of import/export-from, dynamic import() and require(). */
function specifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [/\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\b(?:import|require)\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g];
  for (const p of patterns) for (const m of source.matchAll(p)) found.push(m[1]);
  return found;
}

const DEEP = /^@cdktf\/provider-aws\/lib\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

describe('AWS provider imports', () => {
  const files = [join(ROOT, 'main.ts'), ...sources(join(ROOT, 'stacks'))];

  it('given the CDKTF sources, when their imports are read, then the provider is imported at least once (the scan works)', () => {
    const all = files.flatMap((f) => specifiers(readFileSync(f, 'utf8')));
    expect(all.filter((s) => s.startsWith('@cdktf/provider-aws')).length).toBeGreaterThan(10);
  });

  it.each(files.map((f) => [relative(ROOT, f), f]))('then %s imports the AWS provider by deep path only', (_name, file) => {
    const wrong = specifiers(readFileSync(file, 'utf8')).filter((s) => s.startsWith('@cdktf/provider-aws') && (!DEEP.test(s) || s.endsWith('/index')));
    expect(wrong).toEqual([]);
  });

  it('then the rule catches the root and lib-root imports', () => {
    const bad = specifiers(`import { provider } from '@cdktf/provider-aws';\nimport * as aws from "@cdktf/provider-aws/lib";\nconst x = require('@cdktf/provider-aws/lib/index');`);
    expect(bad.filter((s) => !DEEP.test(s) || s.endsWith('/index'))).toHaveLength(3);
  });
});
