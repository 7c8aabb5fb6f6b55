/**
 * `terraform validate` on every synthesized stack (cdktf.out/stacks/*), after `npm run synth`.
 *
 * Each stack is initialised without its backend (no state, no credentials). When the AWS provider cannot be
 * downloaded (a machine without network), validation is skipped with a message instead of failing; any other
 * problem fails.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** What `terraform init` says when it cannot reach the registry or fetch a provider. */
const NO_PROVIDER = /Failed to query available provider packages|Failed to install provider|could not connect to registry|dial tcp|no such host|timeout while waiting|i\/o timeout/i;

function terraform(args: string[], cwd: string) {
  const r = spawnSync('terraform', args, { cwd, encoding: 'utf8', env: { ...process.env, TF_IN_AUTOMATION: '1' } });
  return { code: r.error ? 127 : r.status, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? r.error.message : ''}` };
}

function notice(message: string): void {
  process.stdout.write(process.env.GITHUB_ACTIONS ? `::warning::${message}\n` : `${message}\n`);
}

function main(): number {
  const stacksDir = resolve(__dirname, '..', 'cdktf.out', 'stacks');
  if (!existsSync(stacksDir)) {
    process.stderr.write(`validate-stacks: ${stacksDir} does not exist; run \`npm run synth\` first\n`);
    return 2;
  }
  const stacks = readdirSync(stacksDir).sort();
  let failed = 0;
  for (const stack of stacks) {
    const dir = join(stacksDir, stack);
    const init = terraform(['init', '-backend=false', '-input=false', '-no-color'], dir);
    if (init.code === 127) {
      notice(`${stack}: terraform is not installed; validation skipped`);
      continue;
    }
    if (init.code !== 0) {
      if (NO_PROVIDER.test(init.output)) {
        notice(`${stack}: the provider could not be downloaded (no network?); terraform validate skipped`);
        continue;
      }
      process.stderr.write(`${stack}: terraform init failed:\n${init.output}\n`);
      failed++;
      continue;
    }
    const validate = terraform(['validate', '-no-color'], dir);
    process.stdout.write(`${stack}: ${validate.output.trim()}\n`);
    if (validate.code !== 0) failed++;
  }
  return failed ? 1 : 0;
}

process.exitCode = main();
