/**
 * The catalog's fixture tables, found by walking src/detections/rules for `*.fixtures.ts`: each file's default
 * export is one detection's {@link FixtureTable}. Nothing registers a table; a rule's fixtures sit beside it.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { FixtureTable } from '../../src/detections/fixture-table';

export const RULES_DIR = join(__dirname, '..', '..', 'src', 'detections', 'rules');

export interface FoundTable {
  /** The fixtures file, relative to the rules folder. */
  readonly file: string;
  readonly table: FixtureTable;
}

/** Every `*.fixtures.ts` under the rules folder, sorted. */
export function fixtureFiles(dir = RULES_DIR): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.fixtures.ts'))
    .map((f) => join(dir, f))
    .sort();
}

export function findFixtureTables(dir = RULES_DIR): FoundTable[] {
  return fixtureFiles(dir).map((path) => ({ file: relative(dir, path), table: (require(path) as { default: FixtureTable }).default }));
}
