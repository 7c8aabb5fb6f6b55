/** The bench's output: rows of a label and what was measured, printed as an aligned table under a heading. */
export type Row = readonly [label: string, measured: string];

export function printSection(title: string, rows: readonly Row[]): void {
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`\n${title}`);
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
}
