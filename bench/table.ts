/** The bench's output: rows of a label and what was measured, printed as an aligned table under a heading. */
export type Row = readonly [label: string, measured: string];

export function printSection(title: string, rows: readonly Row[]): void {
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`\n${title}`);
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
}

/** The item with the middle key (the upper middle of an even count): how a bench reports repeated runs on a drifting machine. */
export function medianBy<T>(items: readonly T[], key: (t: T) => number): T {
  return [...items].sort((a, b) => key(a) - key(b))[Math.floor(items.length / 2)];
}
