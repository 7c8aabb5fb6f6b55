/**
 * No test data ships in a Lambda: fixture tables, fixture builders and the LogEvent builders are test code, and a
 * rule never imports them. The Lambda bundles are built in memory with the options `npm run build:functions` uses.
 */
import { build, type BuildResult } from 'esbuild';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleOptions } from '../../scripts/bundle';
import { BUNDLE_FILE } from '../../src/pipeline/bundles';

/** Strings only fixtures carry: people and places of the fixture tables and builders. */
const FIXTURE_STRINGS = ['dana.lee@example.com', 'lena.fischer@example.com', 'it.admin@example.com', 'cfo@example.com', 'python-requests/2.32.3', '@example.com'];

describe('Lambda bundles', () => {
  let result: BuildResult<{ write: false; metafile: true }>;

  beforeAll(async () => {
    result = await build({ ...bundleOptions(join(tmpdir(), 'vigil-fixture-free-bundles')), write: false, metafile: true });
  });

  it('given every Lambda bundle, when its inputs are listed, then no fixture table, fixture builder or test module is one of them', () => {
    const outputs = Object.entries(result.metafile.outputs);
    expect(outputs.length).toBeGreaterThan(0);
    const offending = outputs.flatMap(([bundle, output]) => Object.keys(output.inputs).filter((input) => /fixture|\.test\.ts$/i.test(input)).map((input) => `${bundle}: ${input}`));
    expect(offending).toEqual([]);
  });

  it('given the detect bundle, when its inputs are listed, then it does carry the rules (so the check above looks at them)', () => {
    const [, detect] = Object.entries(result.metafile.outputs).find(([bundle]) => bundle.endsWith(`detect/${BUNDLE_FILE}`))!;
    expect(Object.keys(detect.inputs).filter((input) => input.startsWith('src/detections/rules/')).length).toBeGreaterThan(30);
  });

  it.each(FIXTURE_STRINGS)('given every Lambda bundle, when its code is read, then %s does not appear in it', (text) => {
    expect(result.outputFiles.length).toBeGreaterThan(0);
    expect(result.outputFiles.filter((f) => f.text.includes(text)).map((f) => f.path)).toEqual([]);
  });
});
