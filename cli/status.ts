/**
 * `vigil status`: one tenant's, or every tenant's, partner event source, bus, event flow, hourly runs, pending and
 * stuck hours, dead letters and alarms, in the tenant's account (src/aws/tenant-credentials.ts); with `--local`,
 * the same report for a file of events run through the local runtime.
 */
import { formatStatus, type TenantStatus } from '../src/ops/status';
import { tenantAws } from '../src/aws/tenant-credentials';
import { loadTenants } from '../src/tenants/load';
import { localTenantStatus } from '../local/status';
import { awsTenantStatus } from './aws-status';
import { consoleIo, EXIT, tenantById, tenantsPath, type Io } from './commands';
import { fileDeliveries, runLocally } from './local-run';

export interface StatusOptions {
  readonly tenant?: string;
  readonly tenantsDir?: string;
  readonly json?: boolean;
  /** Run this file of events through the local runtime and report on it instead of AWS. */
  readonly local?: string;
  /** With --local: stop the simulated clock here (ISO). */
  readonly until?: string;
}

function show(io: Io, s: TenantStatus, json?: boolean): void {
  if (json) io.out(JSON.stringify(s));
  else for (const line of formatStatus(s)) io.out(line);
}

export async function statusCommand(opts: StatusOptions, io: Io = consoleIo): Promise<number> {
  if (opts.local) {
    const tenant = tenantById(opts.tenant, opts.tenantsDir);
    const until = opts.until === undefined ? undefined : Date.parse(opts.until);
    if (until !== undefined && !Number.isFinite(until)) throw new Error(`--until must be an ISO time, got ${opts.until}`);
    const { deliveries } = await fileDeliveries(opts.local, tenant);
    const { pipeline, result, now, last } = await runLocally(tenant, deliveries, { until });
    try {
      const published = last ? (last.event as { detail?: { published?: string } }).detail?.published : undefined;
      show(io, await localTenantStatus(pipeline, result.reports, now, last && published ? { at: last.at, published } : undefined), opts.json);
      return EXIT.ok;
    } finally {
      await pipeline.close();
    }
  }
  const tenants = opts.tenant ? [tenantById(opts.tenant, opts.tenantsDir)] : loadTenants(tenantsPath(opts.tenantsDir));
  let failed = 0;
  for (const [i, tenant] of tenants.entries()) {
    if (i > 0 && !opts.json) io.out('');
    try {
      show(io, await awsTenantStatus(tenant, await tenantAws(tenant, 'status')), opts.json);
    } catch (err) {
      // One tenant asked for: its error is the command's (a credential problem exits 2, like every command).
      if (opts.tenant) throw err;
      failed++;
      io.err(`${tenant.id}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return failed ? EXIT.failed : EXIT.ok;
}
