/**
 * `vigil refresh-user`: Refresh User Data for one user — invokes the tenant's refresh-user function in its account
 * (src/aws/tenant-credentials.ts); with `--local`, runs a file of events through the local runtime, the local Okta
 * API (local/okta-api.ts) serving the whole file as the org's System Log, and refreshes the user there.
 */
import { randomUUID } from 'node:crypto';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { LocalOktaApi, usersFromLog } from '../local/okta-api';
import { tenantAws } from '../src/aws/tenant-credentials';
import type { refreshUser } from '../src/pipeline/refresh-user';
import { tenantNames } from '../stacks/naming';
import { consoleIo, EXIT, tenantById, type Io } from './commands';
import { fileDeliveries, runLocally } from './local-run';

export interface RefreshUserOptions {
  readonly tenant: string;
  readonly user: string;
  readonly hours?: number;
  readonly dryRun?: boolean;
  readonly json?: boolean;
  readonly tenantsDir?: string;
  /** Run this file of events through the local runtime and refresh the user there. */
  readonly local?: string;
  /** With --local: the stream delivers only what arrives before this (ISO); Okta's API has everything. */
  readonly streamUntil?: string;
  /** With --local: refresh as of this time (ISO). @default the end of the simulated clock */
  readonly asOf?: string;
}

type Refreshed = Awaited<ReturnType<typeof refreshUser>>;

const time = (iso?: string) => (iso ? iso.slice(0, 16).replace('T', ' ') : 'never');

/** The refresh, as lines for a terminal. */
export function formatRefresh(r: Refreshed): string[] {
  const a = r.activity;
  return [
    `${r.user.label}: last sign-in ${time(r.user.lastLogin)}; factors: ${r.user.factors.map((f) => `${f.type} (${f.provider}, ${f.status})`).join(', ') || 'none enrolled'}`,
    `Okta System Log since ${time(r.since)}: ${r.fetched} events, ${r.alreadyStored} already stored, ${r.new} new${r.unreadable ? `, ${r.unreadable} unreadable` : ''}` +
      (r.hoursWritten.length ? `; written to hours ${r.hoursWritten.map((h) => h.slice(11)).join(', ')}${r.hoursReopened.length ? ` (re-opened for the hourly run: ${r.hoursReopened.map((h) => h.slice(11)).join(', ')})` : ''}` : ''),
    `${r.findings.length} findings in the new events, ${r.notified} notified`,
    ...r.findings.map((f) => `  [${f.severity}] ${f.title} — ${f.subject} (${time(f.triggeredAt)})`),
    a ? `today (${a.day}): ${a.events} events, ${a.signIns} sign-ins, ${a.failedSignIns} failed, from ${a.countries.join(', ') || 'nowhere known'}` : 'today: no events',
    `latest: ${r.events.slice(0, 5).map((e) => `${time(e.published).slice(11)} ${e.eventType} ${e.outcome ?? ''}`.trim()).join('; ') || 'none'}`,
  ];
}

function show(io: Io, r: Refreshed, json?: boolean): void {
  if (json) io.out(JSON.stringify(r));
  else for (const line of formatRefresh(r)) io.out(line);
}

export async function refreshUserCommand(opts: RefreshUserOptions, io: Io = consoleIo): Promise<number> {
  const t = tenantById(opts.tenant, opts.tenantsDir);
  if (opts.local) return refreshLocally(opts, opts.local, io);
  const fn = tenantNames(t).function('refresh-user');
  const payload = { tenantId: t.id, user: opts.user, hours: opts.hours };
  if (opts.dryRun) {
    io.out(JSON.stringify({ FunctionName: fn, Region: t.aws.region, Payload: payload }, null, 2));
    return EXIT.ok;
  }
  const aws = await tenantAws(t, 'refresh-user');
  const res = await new LambdaClient(aws.client).send(new InvokeCommand({ FunctionName: fn, Payload: Buffer.from(JSON.stringify(payload)) }));
  const body = res.Payload ? Buffer.from(res.Payload).toString('utf8') : '';
  if (res.FunctionError) {
    io.err(`refresh-user failed: ${body}`);
    return EXIT.failed;
  }
  show(io, JSON.parse(body) as Refreshed, opts.json);
  return EXIT.ok;
}

async function refreshLocally(opts: RefreshUserOptions, file: string, io: Io): Promise<number> {
  const tenant = tenantById(opts.tenant, opts.tenantsDir);
  const parse = (flag: string, v?: string) => {
    if (v === undefined) return undefined;
    const ms = Date.parse(v);
    if (!Number.isFinite(ms)) throw new Error(`${flag} must be an ISO time, got ${v}`);
    return ms;
  };
  const streamUntil = parse('--stream-until', opts.streamUntil);
  const asOf = parse('--as-of', opts.asOf);
  const { deliveries, events } = await fileDeliveries(file, tenant);
  const token = randomUUID();
  const okta = await LocalOktaApi.start({ token });
  try {
    const { pipeline, now } = await runLocally(tenant, deliveries, { until: streamUntil, okta: { orgUrl: okta.url, token } });
    try {
      // Okta's System Log and directory as they are at the time of the refresh.
      const at = new Date(asOf ?? now).toISOString();
      const published = events.filter((e) => e.published <= at);
      okta.addEvents(published);
      for (const u of usersFromLog(published)) okta.addUser(u);
      show(io, await pipeline.refreshUser(opts.user, { hours: opts.hours, asOf: at }) as Refreshed, opts.json);
      return EXIT.ok;
    } finally {
      await pipeline.close();
    }
  } finally {
    await okta.close();
  }
}
