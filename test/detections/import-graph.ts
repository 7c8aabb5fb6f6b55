/**
 * A folder's import graph, type-only imports included (a circle through types is still a circle for the reader
 * and for the type checker), and the circles in it. Relative imports only: packages cannot import back.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const IMPORT = /^\s*(?:import|export)\b[^'"]*?from\s+'(\.[^']+)'|^\s*import\s+'(\.[^']+)'/gm;

function resolveModule(from: string, spec: string): string | undefined {
  const base = join(dirname(from), spec);
  return [`${base}.ts`, join(base, 'index.ts'), base].find((p) => p.endsWith('.ts') && existsSync(p));
}

/** Every module under `dir` (relative to `root`) and the modules it imports, as paths relative to `root`. */
export function importGraph(dir: string, root = ROOT): Map<string, string[]> {
  const files = (readdirSync(join(root, dir), { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => join(root, dir, f));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const imports = [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => resolveModule(file, m[1] ?? m[2]));
    graph.set(relative(root, file), imports.filter((p): p is string => p !== undefined).map((p) => relative(root, p)));
  }
  return graph;
}

/** The import circles of a graph, each as the path of modules that leads back to its first one. */
export function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (file: string) => {
    const at = path.indexOf(file);
    if (at >= 0) return void found.push([...path.slice(at), file]);
    if (done.has(file)) return;
    path.push(file);
    for (const next of graph.get(file) ?? []) visit(next);
    path.pop();
    done.add(file);
  };
  for (const file of [...graph.keys()].sort()) visit(file);
  return found;
}
