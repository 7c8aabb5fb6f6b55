/**
 * A deterministic zip archive of a directory: the same files give the same bytes (entries sorted by
 * path, a fixed 1980-01-01 timestamp, regular files readable by all), so an archive only changes when
 * its contents do. Written with fflate; meant for Lambda bundles.
 */
import { zipSync, type Zippable } from 'fflate';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The earliest time a zip can hold, in local time as fflate reads it: 1980-01-01 00:00. */
const EPOCH = new Date(1980, 0, 1);
/** Unix "made by", so the external attributes carry the file mode. */
const UNIX = 3;
/** A regular file, rw-r--r--, as zip's external attributes hold it. */
const FILE_ATTRIBUTES = (0o100644 << 16) >>> 0;

/** Paths of the regular files under `dir`, relative and `/`-separated, sorted. */
export function filesIn(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => {
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      if (e.isDirectory()) return filesIn(dir, rel);
      return statSync(join(dir, rel)).isFile() ? [rel] : [];
    })
    .sort();
}

/** The zip archive of every file under `dir`, as bytes. */
export function zipDirectory(dir: string): Buffer {
  const entries: Zippable = {};
  for (const name of filesIn(dir)) entries[name] = [readFileSync(join(dir, name)), { level: 9, mtime: EPOCH, os: UNIX, attrs: FILE_ATTRIBUTES }];
  return Buffer.from(zipSync(entries));
}
