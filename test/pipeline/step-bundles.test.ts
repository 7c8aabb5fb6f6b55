import { build } from 'esbuild';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleOptions } from '../../scripts/bundle';
import { BUNDLE_FILE } from '../../src/pipeline/bundles';

describe('hourly workflow step bundles', () => {
  it('given the Lambda bundles, when built, then only Detect carries the detection catalog: Plan and Notify bundle no rule', async () => {
    const { metafile } = await build({ ...bundleOptions(join(tmpdir(), 'vigil-step-bundles')), write: false });
    const rulesIn = (fn: string) => {
      const [, output] = Object.entries(metafile!.outputs).find(([file]) => file.endsWith(`${fn}/${BUNDLE_FILE}`))!;
      return Object.keys(output.inputs).filter((input) => input.startsWith('src/detections/rules/'));
    };
    expect(rulesIn('plan')).toEqual([]);
    expect(rulesIn('notify')).toEqual([]);
    expect(rulesIn('detect').length).toBeGreaterThan(0);
  });
});
