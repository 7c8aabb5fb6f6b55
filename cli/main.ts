/** `vigil`: the command line. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { PROFILES } from '../local/generator/profile';
import { TenantCredentialsError } from '../src/aws/tenant-credentials';
import { TENANTS_DIR_ENV, TenantConfigError } from '../src/tenants/load';
import * as cmd from './commands';
import { replayCommand } from './replay';
import { refreshUserCommand } from './refresh-user';
import { statusCommand } from './status';

const VERSION = (JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('must be a positive whole number');
  return n;
}

export function program(): Command {
  const p = new Command('vigil')
    .description('Okta System Log threat detection on AWS EventBridge — and locally')
    .version(VERSION, '-V, --version')
    .showHelpAfterError()
    .addHelpText('after', `\nExit status: ${cmd.EXIT.ok} done; ${cmd.EXIT.failed} nothing in the input could be read, or a workflow run failed; ${cmd.EXIT.usage} bad usage or configuration.`);
  const tenantsDir = '--tenants-dir <dir>';
  const tenantsDirHelp = `directory of tenant files (default: $${TENANTS_DIR_ENV}, else the project's tenants/)`;
  p.command('simulate')
    .description('run events from a file through the whole local pipeline (patterns, handlers, state machine, dynalite)')
    .requiredOption('-i, --input <file>', 'NDJSON: one EventBridge envelope or bare Okta LogEvent a line ("-" for stdin)')
    .option('-t, --tenant <id>', 'tenant whose settings to use (default: the first tenant file)')
    .option('--json', 'one finding a line (JSON) on stdout; the report goes to stderr')
    .option('--report <file.html>', 'also write an HTML report (events per hour, findings, notifications, detections)')
    .option('--replay-from <time>', 'after the day, replay the events that reached the bus from this time, from the local archive (with --replay-to)')
    .option('--replay-to <time>', 'end of the replay window (ISO-8601; UTC unless a zone is given)')
    .option(tenantsDir, tenantsDirHelp)
    .action(async (o) => {
      process.exitCode = await cmd.simulateCommand(o);
    });
  p.command('cost')
    .description('run a generated day through the local runtime, count the AWS requests, price them: the monthly bill per component and the ratio to the floor')
    .option('--events-per-day <n>', 'size of the generated day, in events (default about 27,000: a 1,000-user day)', positiveInt)
    .option('--users <n>', 'size of the generated day, in users (instead of --events-per-day)', positiveInt)
    .option('--benign', 'no attacks in the generated day (they need a few hundred users)')
    .option('-t, --tenant <id>', 'tenant whose settings to use (default: the first tenant file)')
    .option('--json', 'the bill as one JSON object')
    .option(tenantsDir, 'directory of tenant files')
    .action(async (o) => {
      process.exitCode = await cmd.costCommand(o);
    });
  p.command('detect')
    .description('run the detection catalog over a file, with no infrastructure (streaming)')
    .requiredOption('-i, --input <file>', 'NDJSON: one EventBridge envelope or bare Okta LogEvent a line ("-" for stdin)')
    .option('-t, --tenant <id>', "tenant whose detection settings to use (default: the first tenant file)")
    .option('--json', 'one finding a line (JSON) on stdout; the report goes to stderr')
    .option('--report <file.html>', 'also write an HTML report (events per hour, findings, detections)')
    .option(tenantsDir, tenantsDirHelp)
    .action(async (o) => {
      process.exitCode = await cmd.detectCommand(o);
    });
  p.command('detections')
    .description('list the detection catalog')
    .option('--json', 'one detection a line (JSON)')
    .action((o) => {
      process.exitCode = cmd.detectionsCommand(o);
    });
  const tenants = p.command('tenants').description('tenant files');
  tenants
    .command('validate')
    .description('validate every tenant file; errors name the file, tenant, field and rule')
    .option(tenantsDir, tenantsDirHelp)
    .action((o) => {
      process.exitCode = cmd.validateTenantsCommand(o);
    });
  tenants
    .command('init')
    .description('write a new tenant file (validated like the others)')
    .requiredOption('--id <id>', 'tenant id (slug)')
    .requiredOption('--org <subdomain>', 'Okta org subdomain (acme for acme.okta.com)')
    .requiredOption('--account <id>', 'AWS account id (12 digits)')
    .requiredOption('--region <region>', 'AWS region, e.g. us-east-1')
    .option('--source-name <name>', 'partner event source name to use in Okta (default vigil-<id>)')
    .option('--email <address>', 'first findings subscriber')
    .option(tenantsDir, tenantsDirHelp)
    .action((o) => {
      process.exitCode = cmd.initTenantCommand(o);
    });
  p.command('onboard')
    .description("print the steps to bring a tenant's Okta log stream in")
    .requiredOption('-t, --tenant <id>', 'tenant id')
    .option(tenantsDir, tenantsDirHelp)
    .action((o) => {
      process.exitCode = cmd.onboardCommand(o);
    });
  p.command('status')
    .description("a tenant's health (every tenant's without --tenant): partner event source (pending, active, expiring), bus, last event and its delay, hourly runs, pending and stuck hours, dead letters, alarms; in the tenant's AWS account, or for a file run through the local runtime")
    .option('-t, --tenant <id>', 'tenant id (default: every tenant)')
    .option('--local <file>', 'run this NDJSON file through the local runtime and report on that instead of AWS')
    .option('--until <iso>', 'with --local: stop the simulated clock here')
    .option('--json', 'one JSON object a tenant')
    .option(tenantsDir, tenantsDirHelp)
    .action(async (o) => {
      process.exitCode = await statusCommand(o);
    });
  p.command('replay')
    .description("replay a window of a tenant's archive into its ingest rule, follow it, then rerun the window's hours and report per hour (AWS credentials for the tenant's account; Ctrl-C cancels)")
    .requiredOption('-t, --tenant <id>', 'tenant id')
    .requiredOption('--from <time>', 'start of the window: when events reached the bus (ISO-8601; UTC unless a zone is given)')
    .requiredOption('--to <time>', 'end of the window (ISO-8601; UTC unless a zone is given)')
    .option('--name <name>', 'replay name (default: derived)')
    .option('--no-follow', 'start the replay and return (the next hourly run picks up the hours it re-opens)')
    .option('--dry-run', 'print the StartReplay request instead of sending it')
    .option(tenantsDir, tenantsDirHelp)
    .action(async (o) => {
      process.exitCode = await replayCommand(o);
    });
  p.command('refresh-user')
    .description("Refresh User Data: fetch one user's events since the last stored one, profile and factors from the tenant's Okta API, merge them, refresh their Activity, run the catalog over the new events (invokes the tenant's refresh-user function; --local: on the local runtime)")
    .requiredOption('-t, --tenant <id>', 'tenant id')
    .requiredOption('-u, --user <id-or-login>', 'Okta user id or login')
    .option('--hours <n>', 'how far back to look when nothing of the user is stored', positiveInt, 24)
    .option('--json', 'the whole result as JSON')
    .option('--dry-run', 'print the invocation instead of sending it')
    .option('--local <file>', 'run this NDJSON file through the local runtime (the local Okta API serving all of it) and refresh the user there')
    .option('--stream-until <iso>', 'with --local: the stream delivers only what arrives before this; Okta has everything')
    .option('--as-of <iso>', 'with --local: refresh as of this time (default: the end of the simulated clock)')
    .option(tenantsDir, tenantsDirHelp)
    .action(async (o) => {
      process.exitCode = await refreshUserCommand(o);
    });
  p.command('generate')
    .description('write a realistic day of Okta events as NDJSON (EventBridge envelopes, with late, duplicate and broken records)')
    .option('-t, --tenant <id>', 'tenant (org and event source; default: the first tenant file)')
    .option('--day <yyyy-mm-dd>', 'UTC day', '2026-11-02')
    .option('--users <n>', 'number of users', positiveInt, 300)
    .option('--seed <n>', 'random seed', positiveInt, 42)
    .addOption(new Option('--profile <name>', 'the rates the org runs at: the demo day, or a large org (see README, "Generated days")').choices(Object.keys(PROFILES)).default('demo'))
    .option('--benign', 'no attacks')
    .option('--bare', 'bare LogEvents, each once, in order (default: envelopes as Okta delivers them: late, twice, out of order, broken)')
    .option(tenantsDir, tenantsDirHelp)
    .action(async (o) => {
      process.exitCode = await cmd.generateCommand(o);
    });
  return p;
}

/** End quietly when stdout's reader goes away (`vigil ... | head`): no EPIPE stack trace. */
function quietOnBrokenPipe(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}

/** Run the command line (bin/vigil.cjs and `npm run vigil`). */
export function run(argv: readonly string[] = process.argv): Promise<void> {
  quietOnBrokenPipe();
  return program()
    .parseAsync(argv as string[])
    .then(
      () => undefined,
      (err: unknown) => {
        process.stderr.write(`${err instanceof TenantConfigError || err instanceof TenantCredentialsError ? err.message : `vigil: ${err instanceof Error ? err.message : String(err)}`}\n`);
        process.exitCode = cmd.EXIT.usage; // not process.exit(): let piped stdout and stderr drain
      },
    );
}

if (require.main === module) void run();
