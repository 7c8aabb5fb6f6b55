/**
 * `npm start`: a realistic day of Okta events for the example tenant, with a few attacks in it, run
 * hour by hour on a simulated clock through the local pipeline. Prints each hour and the notifications
 * that would go to SNS.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { notificationsOf, writeReport, type Arrivals } from '../cli/report';
import { generateDay } from './generator';
import { LocalPipeline } from './runtime';
import { simulate, type HourReport } from './simulation';
import { closedHour } from '../src/pipeline/plan';
import { eventSourceName } from '../src/tenants/schema';
import { findTenant, loadTenants, tenantsDir } from '../src/tenants/load';
import { DAY, HOUR } from '../src/time';

const dim = (s: string) => (process.stdout.isTTY ? `\x1b[2m${s}\x1b[0m` : s);
const bold = (s: string) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);

function printHour(r: HourReport, graceMinutes: number): void {
  const closed = closedHour(r.tick, graceMinutes);
  const parts = r.hours.map((h) => `${h.hour.slice(11)}:00 ${h.status.toLowerCase()}${h.hour !== closed ? ' (reprocessed: late events)' : ''} — ${h.events} events, ${h.findings} findings, ${h.published} notified`);
  const line = `${r.tick.slice(0, 16).replace('T', ' ')}  delivered ${String(r.delivered).padStart(4)}  ${!r.execution || r.execution.status === 'SUCCEEDED' ? '' : `workflow ${r.execution.status}: ${r.execution.error} `}${parts.join('; ') || dim('no hour to process')}`;
  console.log(line);
  for (const m of r.notifications) {
    const kind = m.body.kind === 'near-time' ? 'NEAR-TIME' : m.body.kind === 'digest' ? 'DIGEST' : 'HOURLY';
    console.log(`    ${bold(`SNS ${kind} [${m.body.severity}]`)} ${m.input.Subject}`);
  }
  if (r.daily) console.log(`    daily: ${r.daily.users} users' activity for ${r.daily.day} (${r.daily.events} events), digest of ${r.daily.findings} findings`);
}

/** Where `npm start` writes its HTML report (ignored by git). */
const REPORT_DIR = resolve(__dirname, '..', '.vigil');

/** When each event first reached the bus, and when it happened. */
function arrivalsOf(deliveries: Iterable<{ at: number; event: unknown }>): Arrivals {
  const arrivals: Arrivals = new Map();
  for (const d of deliveries) {
    const e = (d.event as { detail?: { uuid?: string; published?: string } } | undefined)?.detail;
    if (e?.uuid && e.published && !arrivals.has(e.uuid)) arrivals.set(e.uuid, { at: d.at, published: Date.parse(e.published) });
  }
  return arrivals;
}

async function main(): Promise<void> {
  const tenants = loadTenants(resolve(tenantsDir()));
  const tenant = findTenant(tenants, process.env.VIGIL_TENANT ?? 'acme');
  const day = process.env.VIGIL_DAY ?? '2026-11-02';
  const generated = generateDay({ day, org: tenant.okta.org, source: eventSourceName(tenant), users: Number(process.env.VIGIL_USERS ?? 300) });
  console.log(bold(`Vigil local run — tenant ${tenant.id}, ${day}, ${generated.users.length} users, ${generated.events.length} events (${generated.deliveries.length} deliveries incl. late, duplicate and broken ones)`));
  console.log(dim(`Injected: ${generated.attacks.map((a) => `${a.name} @ ${a.at.slice(11, 16)}`).join('; ')}`));
  console.log(dim('Embedded DynamoDB (dynalite), the deployed event patterns, handlers and state machine definition (aws-local-stepfunctions); SNS is recorded, not sent.\n'));
  const pipeline = await LocalPipeline.start(tenant);
  const started = Date.now();
  try {
    const result = await simulate(pipeline, generated.deliveries, { runDaily: true, until: Date.parse(`${day}T00:00:00Z`) + DAY + 7 * HOUR, fastForward: false, onHour: (r) => printHour(r, tenant.schedule.gracePeriodMinutes) });
    console.log(bold(`\n${result.findings.length} findings, ${pipeline.published.length} SNS notifications; bus: ${pipeline.bus.received} events in, ${pipeline.delivery.objects} objects written by the delivery stream, ${pipeline.bus.unmatched} matched no rule. ${((Date.now() - started) / 1000).toFixed(1)} s.`));
    for (const f of result.findings) console.log(`  ${f.triggeredAt.slice(11, 16)} [${f.severity}] ${f.detectionId}: ${f.summary}`);
    const arrivals = arrivalsOf(generated.deliveries);
    mkdirSync(REPORT_DIR, { recursive: true });
    const report = writeReport(join(REPORT_DIR, 'report.html'), {
      title: `Vigil local run — ${tenant.id}, ${day}`,
      tenant: tenant.id,
      source: `a generated day: ${generated.users.length} users, ${generated.attacks.length} attacks injected`,
      eventTimes: [...arrivals.values()].map((a) => a.published),
      findings: result.findings,
      notifications: notificationsOf(result.reports, arrivals),
      summary: [`${generated.events.length} events, ${generated.deliveries.length} deliveries incl. late, duplicate and broken ones`, `Injected: ${generated.attacks.map((a) => `${a.name} @ ${a.at.slice(11, 16)}`).join('; ')}`],
    });
    console.log(bold(`\nReport: ${report}`));
    console.log(dim('\nTry: npx vigil simulate --input your-events.ndjson --json   |   npx vigil detections   |   npm test'));
  } finally {
    await pipeline.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
