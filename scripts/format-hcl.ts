/**
 * Format cdktf's HCL output the way `terraform fmt` does, without a terraform binary.
 *
 * `terraform fmt` is two things: (1) it unwraps attribute values that are a single interpolation,
 * `policy = "${data.x.json}"` -> `policy = data.x.json` (cdktf writes every reference that way), and
 * (2) hclwrite.Format: indentation, `=` alignment, spacing. @cdktf/hcl-tools ships (2) (hclwrite.Format
 * compiled to WebAssembly); (1) is reimplemented here with the same rule as Terraform's
 * `formatValueExpr`: only a whole attribute value that is exactly `"${ <expression> }"` is unwrapped,
 * never a string with literal text or a second interpolation, never an element inside a list or map.
 *
 * Before formatting, one quirk of cdktf's HCL renderer is corrected: quoted `depends_on` references
 * (see unquoteDependsOn).
 *
 * Usage: tsx scripts/format-hcl.ts [dir]   formats every `*.tf` under dir (default cdktf.out) in place.
 */
import { format } from '@cdktf/hcl-tools';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

class HclScanError extends Error {}

/** Index just past the string literal (template) starting with `"` at `i`. */
function scanQuoted(src: string, i: number): number {
  i++;
  while (i < src.length) {
    const c = src[i];
    if (c === '\\') i += 2;
    else if ((c === '$' || c === '%') && src[i + 1] === c && src[i + 2] === '{') i += 3; // $${ and %%{ escapes
    else if ((c === '$' || c === '%') && src[i + 1] === '{') i = scanInterpolation(src, i + 2);
    else if (c === '"') return i + 1;
    else if (c === '\n') throw new HclScanError(`unterminated string at ${i}`);
    else i++;
  }
  throw new HclScanError('unterminated string at end of input');
}

/** Index just past the `}` closing the interpolation (or directive) whose body starts at `i`. */
function scanInterpolation(src: string, i: number): number {
  let depth = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '"') {
      i = scanQuoted(src, i);
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') {
      if (depth === 0) return i + 1;
      depth--;
    }
    i++;
  }
  throw new HclScanError('unterminated interpolation at end of input');
}

/** Index just past a heredoc (`<<EOF` / `<<-EOF`) starting at `i`. */
function scanHeredoc(src: string, i: number): number {
  const m = /^<<-?([A-Za-z_][A-Za-z0-9_-]*)\r?\n/.exec(src.slice(i));
  if (!m) throw new HclScanError(`bad heredoc at ${i}`);
  let j = i + m[0].length;
  while (j < src.length) {
    const end = src.indexOf('\n', j);
    const line = src.slice(j, end === -1 ? src.length : end);
    if (line.trim() === m[1]) return end === -1 ? src.length : end;
    if (end === -1) break;
    j = end + 1;
  }
  throw new HclScanError(`unterminated heredoc ${m[1]}`);
}

/** Index of the end of the expression starting at `i` (the newline that ends the attribute). */
function scanExpression(src: string, i: number): number {
  let depth = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '"') i = scanQuoted(src, i);
    else if (c === '<' && src[i + 1] === '<') i = scanHeredoc(src, i);
    else if (c === '#' || (c === '/' && src[i + 1] === '/')) {
      const end = src.indexOf('\n', i);
      i = end === -1 ? src.length : end;
    } else if (c === '(' || c === '[' || c === '{') {
      depth++;
      i++;
    } else if (c === ')' || c === ']' || c === '}') {
      depth--;
      i++;
    } else if (c === '\n' && depth <= 0) return i;
    else i++;
  }
  return i;
}

/** `"${ expr }"` -> `expr`, if the value is exactly one interpolation; otherwise undefined. */
export function unwrapInterpolation(value: string): string | undefined {
  const v = value.trim();
  if (!v.startsWith('"${') || !v.endsWith('}"')) return undefined;
  if (scanQuoted(v, 0) !== v.length || scanInterpolation(v, 3) !== v.length - 1) return undefined;
  const inner = v.slice(3, -2).replace(/^\s*\n/, '').replace(/\n\s*$/, '');
  if (inner.startsWith('~') || inner.endsWith('~') || !inner.trim()) return undefined;
  if (inner.includes('\n') && !(inner.trimStart().startsWith('(') && inner.trimEnd().endsWith(')'))) return `(${inner})`;
  return inner.trim();
}

/**
 * Rewrite attribute values, in every block at every depth: `rewrite(name, value)` returns the new value
 * text, or undefined to keep it. Values inside lists or maps are not attributes and are not visited.
 */
export function rewriteAttributes(src: string, rewrite: (name: string, value: string) => string | undefined): string {
  const edits: Array<{ start: number; end: number; text: string }> = [];
  const skipSpace = (i: number) => {
    for (;;) {
      while (i < src.length && /\s/.test(src[i])) i++;
      if (src[i] === '#' || (src[i] === '/' && src[i + 1] === '/')) {
        const end = src.indexOf('\n', i);
        i = end === -1 ? src.length : end;
      } else if (src[i] === '/' && src[i + 1] === '*') {
        const end = src.indexOf('*/', i + 2);
        i = end === -1 ? src.length : end + 2;
      } else return i;
    }
  };
  const body = (i: number, nested: boolean): number => {
    for (;;) {
      i = skipSpace(i);
      if (i >= src.length) {
        if (nested) throw new HclScanError('unterminated block');
        return i;
      }
      if (src[i] === '}') {
        if (!nested) throw new HclScanError(`unexpected } at ${i}`);
        return i + 1;
      }
      const name = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(src.slice(i, i + 256));
      if (!name) throw new HclScanError(`expected an attribute or block at ${i}: ${JSON.stringify(src.slice(i, i + 40))}`);
      i += name[0].length;
      while (src[i] === ' ' || src[i] === '\t') i++;
      if (src[i] === '=' && src[i + 1] !== '=') {
        let start = i + 1;
        while (src[start] === ' ' || src[start] === '\t') start++;
        const end = scanExpression(src, start);
        const text = rewrite(name[0], src.slice(start, end));
        if (text !== undefined) edits.push({ start, end, text });
        i = end;
        continue;
      }
      // A block: labels, then `{`.
      for (;;) {
        while (src[i] === ' ' || src[i] === '\t') i++;
        if (src[i] === '{') break;
        if (src[i] === '"') i = scanQuoted(src, i);
        else {
          const label = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(src.slice(i, i + 256));
          if (!label) throw new HclScanError(`expected a block label or { at ${i}`);
          i += label[0].length;
        }
      }
      i = body(i + 1, true);
    }
  };
  body(0, false);
  let out = src;
  for (const e of edits.reverse()) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** Unwrap every attribute value that is a single interpolation (terraform fmt, part 1). */
export function unwrapInterpolations(src: string): string {
  return rewriteAttributes(src, (_, value) => unwrapInterpolation(value));
}

/**
 * cdktf's HCL renderer writes `depends_on = ["aws_x.y"]`: quoted references, deprecated since
 * Terraform 0.12 (a warning today, "will be removed"). Write them as references. (In JSON syntax,
 * strings are the only way, and correct.) This is not part of `terraform fmt`, which leaves them alone.
 */
export function unquoteDependsOn(src: string): string {
  return rewriteAttributes(src, (name, value) => (name === 'depends_on' ? value.replace(/"([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)+)"/g, '$1') : undefined));
}

/** cdktf HCL -> what `terraform fmt` would make of it (after unquoting depends_on references). */
export async function formatHcl(hcl: string): Promise<string> {
  const formatted = await format(unwrapInterpolations(unquoteDependsOn(hcl)));
  // terraform fmt ends a file with exactly one newline.
  return `${formatted.replace(/\n+$/, '')}\n`;
}

function tfFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'assets' || name === '.terraform' ? [] : tfFiles(path);
    return name.endsWith('.tf') ? [path] : [];
  });
}

if (require.main === module) {
  const dir = resolve(process.argv[2] ?? 'cdktf.out');
  (async () => {
    const files = tfFiles(dir);
    if (!files.length) throw new Error(`no .tf files under ${dir}: run \`cdktf synth --hcl\` first`);
    for (const file of files) writeFileSync(file, await formatHcl(readFileSync(file, 'utf8')));
    console.log(`formatted ${files.length} file(s) under ${dir}`);
    // The formatter's Go (WebAssembly) runtime keeps the event loop alive for seconds: exit now.
    process.exit(0);
  })().catch((err: Error) => {
    console.error(err.message);
    process.exit(1);
  });
}
