/**
 * `vigil replay`: replay a window of the tenant's archive to its ingest rule, follow it to the end with a progress
 * line, run the hourly workflow for the window's hours and report per hour (src/ops/replay.ts). Ctrl-C cancels the
 * replay. `--no-follow` only starts it (the hours it lands in are marked for reprocessing and picked up by the next
 * hourly run); `--dry-run` prints the StartReplay request.
 */
import { replay, replayName, type ReplayTarget } from '../src/ops/replay';
import { awsReplayTarget, startReplayInput } from '../src/ops/replay-aws';
import { parseWindow } from '../src/ops/time-arg';
import { tenantAws } from '../src/aws/tenant-credentials';
import { tenantNames } from '../stacks/naming';
import { consoleIo, EXIT, tenantById, type Io } from './commands';
import { formatReplayReport } from './replay-report';

export interface ReplayCommandOptions {
  readonly tenant: string;
  readonly from: string;
  readonly to: string;
  readonly name?: string;
  readonly dryRun?: boolean;
  /** false: start the replay and return. @default true */
  readonly follow?: boolean;
  readonly tenantsDir?: string;
}

export interface ReplayCommandDeps {
  /** @default the tenant's AWS account (awsReplayTarget with the tenant's credentials) */
  readonly target?: ReplayTarget;
  readonly pollMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly signal?: AbortSignal;
}

export async function replayCommand(opts: ReplayCommandOptions, io: Io = consoleIo, deps: ReplayCommandDeps = {}): Promise<number> {
  const t = tenantById(opts.tenant, opts.tenantsDir);
  const { from, to } = parseWindow(opts.from, opts.to);
  const window = { name: opts.name ?? replayName(tenantNames(t).prefix, from), from, to };
  if (opts.dryRun) {
    io.out(JSON.stringify(startReplayInput(t, window), null, 2));
    return EXIT.ok;
  }
  const target = deps.target ?? awsReplayTarget(t, (await tenantAws(t, 'replay')).client, { sleep: deps.sleep });
  if (opts.follow === false) {
    await target.startReplay(window);
    io.out(`replay ${window.name} started. Replayed events go to the ingest rule only; the hours they land in are marked for reprocessing and picked up by the next hourly run.`);
    return EXIT.ok;
  }
  const controller = new AbortController();
  const onSigint = () => {
    io.err(`cancelling replay ${window.name}...`);
    controller.abort();
  };
  process.once('SIGINT', onSigint);
  deps.signal?.addEventListener('abort', () => controller.abort(), { once: true });
  try {
    const report = await replay(target, window, {
      signal: controller.signal,
      pollMs: deps.pollMs,
      sleep: deps.sleep,
      onProgress: (p) => io.progress?.update(`replay ${window.name}: ${p.phase} ${Math.round(p.fraction * 100)}% ${p.detail}`),
    });
    io.progress?.done();
    for (const line of formatReplayReport(report)) io.out(line);
    return report.state === 'COMPLETED' && !report.failedExecutions.length ? EXIT.ok : EXIT.failed;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}
