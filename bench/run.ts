/**
 * `npm run bench`: measurements that shape the design. Timings vary by machine; the ratios and counts are what to
 * compare. Tests never assert any of this. `npm run bench -- --quick` (or BENCH_QUICK=1) runs one seed of 500 and of
 * 5,000 users, the 20,000-user day only through the memory section, and skips the design ratios: about two minutes
 * instead of ten to twenty.
 *
 *   1. design ratios (design.ts)
 *   2. the catalog on a large org's benign days of 500, 5,000 and 20,000 users: findings per user-day by detection
 *   3. recall of the attacks injected into the same sizes
 *   4. peak memory of the streaming engine and of the hourly Detect step at 20,000 users (benign, seed 1), with
 *      their findings; and (not in quick mode) the time and peak RSS of generating that day
 *   5. cost per million events by component and the ratio to the floor, on a 1,000-user day (300 quick) (cost.ts)
 *   6. local throughput: vigil simulate against vigil detect on the same day, at 1,000, 3,700 (~100,000 events) and
 *      20,000 users (300 and 1,000 quick): time ratio and peak memory (throughput.ts)
 *   7. synth of 10, 100 and 1,000 generated tenant stacks (10 and 100 quick) (synth.ts)
 */
import { costRows } from './cost';
import { designRatios } from './design';
import { engineMemory, generatorCost } from './memory';
import { benignFindings, recall, type ScaleOptions } from './scale';
import { synthRows } from './synth';
import { throughputRows } from './throughput';
import { printSection } from './table';

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
  const options: ScaleOptions = {
    seeds: quick ? { 500: [1], 5000: [1] } : { 500: [1, 2, 3, 4, 5], 5000: [1, 2, 3], 20000: [1, 2] },
    progress: (line) => process.stderr.write(`  .. ${line}\n`),
  };
  console.log(`Vigil benchmarks (node ${process.version}, ${new Date().toISOString()}${quick ? ', quick' : ''})`);
  if (!quick) printSection('Design ratios', designRatios());
  printSection('Benign days of a large org (enterprise profile): findings per user-day, target 0', benignFindings(options));
  printSection('Injected attacks found (found/days per size), target all', recall(options));
  const memory = await engineMemory(20000, 1);
  printSection('Memory at 20,000 users (benign day, seed 1; findings of that day by detection)', quick ? memory : [...(await generatorCost(20000, 1)), ...memory]);
  printSection('Cost: a generated day through the local runtime, requests counted and priced (vigil cost)', await costRows(quick ? 300 : 1000));
  printSection('Local throughput: vigil simulate vs vigil detect on the same file, target within 5x and under 1 GB', await throughputRows(quick ? [300, 1000] : [1000, 3700, 20000]));
  printSection('Synth of generated tenant stacks, each count in a new process: target 1,000 in under 5 minutes and 1 GB', synthRows(quick ? [10, 100] : undefined));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
