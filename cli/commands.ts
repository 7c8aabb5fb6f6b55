/** The `vigil` commands. Each one is a small function over the same modules the pipeline uses. */
import { existsSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { streamDay } from '../local/generator';
import type { ProfileName } from '../local/generator/profile';
import { localReplayTarget } from '../local/replay-target';
import { LocalPipeline } from '../local/runtime';
import { replay, replayName } from '../src/ops/replay';
import { parseWindow } from '../src/ops/time-arg';
import { simulate, type DeliveryFront, type HourReport, type TimedDelivery } from '../local/simulation';
import { closedHour } from '../src/pipeline/plan';
import { hoursNeedingAttention, type HourNeedingAttention } from '../src/store/hours';
import { HOUR_STATUS } from '../src/store/keys';
import { catalog, categoryOf, resolveCatalog } from '../src/detections/catalog';
import { StreamingDetector } from '../src/detections/reorder';
import type { Finding } from '../src/detections/types';
import { findTenant, loadTenants, parseTenant, TenantConfigError, tenantsDir } from '../src/tenants/load';
import { eventSourceName, type Tenant } from '../src/tenants/schema';
import { intakeRules, settingsOf } from '../src/pipeline/config';
import { tenantNames } from '../stacks/naming';
import { formatReplayReport } from './replay-report';
import { findingJson, findingLine } from './findings';
import { deliveryRecords, envelopeOrigin, newDeliveryCounts, timedDeliveries, type EventArrival } from './delivery-reader';
import { DeliveryThread } from './delivery-thread';
import { formatStats, newStats, nothingRead, nothingReadMessage, readRecords } from './input';
import { perSecond, progress, type Progress } from './progress';
import { notificationsOf, writeReport, type Arrivals } from './report';
import { dailyRunTime } from '../src/pipeline/schedules';
import { DAY, HOUR, MINUTE } from '../src/time';

export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** Progress for long work (a no-op unless stderr is a terminal). */
  progress?: Progress;
}

export const consoleIo: Io = { out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`), progress: progress() };

/** Exit codes: 0 done; 1 nothing in the input could be read, or a workflow run failed; 2 bad usage or configuration. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** The project's root: the default tenants directory is found under it from any working directory. */
const PROJECT_ROOT = resolve(__dirname, '..');

/** The tenants directory: `--tenants-dir`, else VIGIL_TENANTS_DIR (both relative to the working directory), else the project's `tenants`. */
export function tenantsPath(dir?: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(tenantsDir(dir, env, PROJECT_ROOT));
}

/**
 * The tenant a command works for: `--tenant`, else the first tenant file (by name). `detect`, `simulate` and
 * `generate` all resolve it this way, so the same file and tenant give the same findings.
 */
export function tenantById(id: string | undefined, dir?: string): Tenant {
  const tenants = loadTenants(tenantsPath(dir));
  return findTenant(tenants, id ?? tenants[0]?.id ?? 'acme');
}

const silent: Progress = { update: () => undefined, done: () => undefined };

/** `vigil detect`: the catalog over a file, no infrastructure, streaming. */
export async function detectCommand(opts: { input: string; json?: boolean; tenant?: string; tenantsDir?: string; report?: string }, io: Io = consoleIo): Promise<number> {
  const tenant = tenantById(opts.tenant, opts.tenantsDir);
  const detector = new StreamingDetector(resolveCatalog(tenant.detections));
  const stats = newStats();
  const rules = intakeRules(settingsOf(tenant));
  const findings: Finding[] = [];
  const bar = io.progress ?? silent;
  const started = Date.now();
  const eventTimes: number[] = [];
  const emit = (fs: Finding[]) => {
    for (const f of fs) {
      findings.push(f);
      io.out(opts.json ? JSON.stringify(findingJson(f)) : findingLine(f));
    }
  };
  for await (const r of readRecords(opts.input, stats, rules)) {
    if (r.verdict.kind === 'event' && !r.duplicate) {
      eventTimes.push(r.verdict.event.time);
      emit(detector.push(r.verdict.event));
    }
    bar.update(`detect: ${stats.lines} records, ${findings.length} findings, ${perSecond(stats.lines, Date.now() - started)} records/s`);
  }
  emit(detector.flush());
  bar.done();
  if (nothingRead(stats)) {
    io.err(nothingReadMessage(opts.input, stats));
    return EXIT.failed;
  }
  let report = `tenant ${tenant.id}: ${formatStats(stats)}\n${findings.length} findings; ${detector.stats.late} events arrived later than the reorder tolerance; peak reorder buffer ${detector.stats.maxBuffered} events`;
  const failures = detector.engine.failures;
  if (failures.length) report += `\n${failures.length} detection failures (each skipped that detection on that event only): ${failures.slice(0, 5).map((f) => `${f.detectionId} on ${f.eventUuid}: ${f.message}`).join('; ')}`;
  if (opts.report) {
    const file = writeReport(opts.report, { title: `Vigil detect — ${tenant.id}`, tenant: tenant.id, source: opts.input, eventTimes, findings, summary: report.split('\n') });
    report += `\nreport: ${file}`;
  }
  (opts.json ? io.err : io.out)(opts.json ? report : `\n${report}`);
  return EXIT.ok;
}

/** Hours a run processed other than the hour it closed: reprocessed because late events came in. */
function reprocessed(reports: readonly HourReport[], graceMinutes: number): number {
  return reports.reduce((n, r) => n + r.hours.filter((h) => h.hour !== closedHour(r.tick, graceMinutes)).length, 0);
}

/** The first items of a stream up to the one where `enough()` holds (or all of them), and the stream from there. */
async function readAhead<T>(source: AsyncIterable<T>, enough: () => boolean): Promise<AsyncIterable<T>> {
  const it = source[Symbol.asyncIterator]();
  const head: T[] = [];
  while (!enough()) {
    const n = await it.next();
    if (n.done) break;
    head.push(n.value);
  }
  return (async function* () {
    while (head.length) yield head.shift()!;
    for (let n = await it.next(); !n.done; n = await it.next()) yield n.value;
  })();
}

/** An hour that needs attention, as `vigil simulate` reports it. */
function attentionLine(h: HourNeedingAttention): string {
  if (h.status === HOUR_STATUS.expired) return `hour ${h.hour}: EXPIRED, still pending when its events passed the retention; never processed`;
  const pairs = (h.detectionFailures ?? []).map((f) => `${f.detectionId} on ${f.eventUuid}: ${f.message}`);
  return `hour ${h.hour}: ${h.detectionFailureCount} detection failures, retried each run until they pass (${pairs.join('; ')})`;
}

/** `vigil simulate`: the whole local pipeline over a file, read as it is delivered (never held whole). */
export async function simulateCommand(opts: { input: string; json?: boolean; tenant?: string; tenantsDir?: string; report?: string; replayFrom?: string; replayTo?: string }, io: Io = consoleIo): Promise<number> {
  const tenant = tenantById(opts.tenant, opts.tenantsDir);
  if ((opts.replayFrom === undefined) !== (opts.replayTo === undefined)) throw new Error('--replay-from and --replay-to go together');
  const replayWindow = opts.replayFrom !== undefined ? parseWindow(opts.replayFrom, opts.replayTo!) : undefined;
  // Only the report needs each event's arrival (a few numbers an event, not the event).
  const arrivals: Arrivals | undefined = opts.report ? new Map() : undefined;
  const eventTimes: number[] = [];
  const arrived = (batch: readonly EventArrival[]) => {
    for (const [uuid, at, published] of batch) {
      arrivals!.set(uuid, { at, published });
      eventTimes.push(published);
    }
  };
  const rules = intakeRules(settingsOf(tenant));
  const origin = envelopeOrigin(tenant);
  // A file is read and delivered on a thread of its own (./delivery-thread.ts), which loads while the pipeline starts;
  // standard input is read here and put on the pipeline's bus.
  const thread =
    opts.input === '-'
      ? undefined
      : DeliveryThread.start({ path: opts.input, rules, origin, streamName: tenantNames(tenant).deliveryStream, archiveRetentionDays: tenant.archive.retentionDays, gracePeriodMinutes: tenant.schedule.gracePeriodMinutes, arrivals: arrivals !== undefined }, arrived);
  const pipeline = await LocalPipeline.start(tenant).catch(async (err: unknown) => {
    await thread?.close();
    throw err;
  });
  thread?.deliverTo(pipeline);
  try {
    const stats = thread?.input ?? newStats();
    const counts = thread?.counts ?? newDeliveryCounts();
    // Read up to the first event before the first delivery: an input with none is refused first.
    const deliveries: DeliveryFront | AsyncIterable<TimedDelivery> = thread ?? (await readAhead(timedDeliveries(deliveryRecords(opts.input, stats, rules, origin), counts, arrivals && ((a) => arrived([a]))), () => !nothingRead(stats)));
    await thread?.first();
    if (nothingRead(stats)) {
      io.err(nothingReadMessage(opts.input, stats));
      return EXIT.failed;
    }

    const bar = io.progress ?? silent;
    let last = Date.now();
    const { hour: dh, minute: dm } = dailyRunTime(tenant.schedule.dailyAt);
    const result = await simulate(pipeline, deliveries, {
      runDaily: true,
      // Through the daily run that summarises the last event's day, so its digest goes out too.
      until: () => Math.floor(counts.lastEvent / DAY) * DAY + DAY + dh * HOUR + dm * MINUTE + HOUR,
      onHour: (h) => {
        const now = Date.now();
        bar.update(`simulate: ${h.tick.slice(0, 16).replace('T', ' ')}  ${h.delivered} events delivered, ${perSecond(h.delivered, now - last)} events/s, ${pipeline.published.length} notifications so far`);
        last = now;
      },
    });
    const { quarantined, undeliverable } = counts;
    bar.done();
    for (const f of result.findings) io.out(opts.json ? JSON.stringify(findingJson(f)) : findingLine(f));
    const failed = result.reports.filter((r) => r.execution && r.execution.status !== 'SUCCEEDED');
    const skipped = result.reports.filter((r) => r.fastForwarded).length;
    const attention = await hoursNeedingAttention(pipeline.ddb, pipeline.tables.hours, tenant.id);
    const report = [
      `tenant ${tenant.id}: ${formatStats(stats)}`,
      `bus: ${pipeline.bus.received} events, ${pipeline.bus.toDeliveryStream} to the delivery stream (${pipeline.delivery.objects} objects), ${pipeline.bus.unmatched} matched no rule; ${quarantined} records quarantined by ingest, ${pipeline.deadLetters.length} messages dead-lettered${undeliverable ? `; ${undeliverable} never delivered (binary, too large for EventBridge or out of range)` : ''}${result.delivery.late ? `; ${result.delivery.late} records came more than 15 minutes out of arrival order and were delivered late` : ''}`,
      `${result.reports.length} hourly runs (${failed.length} failed${skipped ? `, ${skipped} fast-forwarded: only an empty hour to close` : ''}), ${new Set(result.reports.flatMap((r) => r.hours.map((h) => h.hour))).size} hours processed, ${reprocessed(result.reports, tenant.schedule.gracePeriodMinutes)} reprocessed for late events`,
      ...attention.map(attentionLine),
      `${result.findings.length} findings; ${pipeline.published.length} SNS notifications (${pipeline.published.filter((m) => m.body.kind === 'near-time').length} near-time)`,
      ...pipeline.published.map((m) => `  SNS [${m.body.severity}] ${m.input.Subject}`),
    ].join('\n');
    let text = report;
    if (opts.report && arrivals) {
      const file = writeReport(opts.report, {
        title: `Vigil simulate — ${tenant.id}`,
        tenant: tenant.id,
        source: opts.input,
        eventTimes,
        findings: result.findings,
        notifications: notificationsOf(result.reports, arrivals),
        summary: report.split('\n').filter((l) => !l.startsWith('  SNS')),
      });
      text += `\nreport: ${file}`;
    }
    if (replayWindow) {
      // After the simulated day: replay the window from the local archive, as `vigil replay` does in AWS.
      const after = Date.parse(result.reports[result.reports.length - 1]?.tick ?? new Date().toISOString()) + MINUTE;
      const r = await replay(localReplayTarget(pipeline, () => after), { name: replayName(tenantNames(tenant).prefix, replayWindow.from, after), ...replayWindow }, { pollMs: 0 });
      text += `\n${formatReplayReport(r).join('\n')}`;
    }
    (opts.json ? io.err : io.out)(opts.json ? text : `\n${text}`);
    return failed.length ? EXIT.failed : EXIT.ok;
  } finally {
    await thread?.close();
    await pipeline.close();
  }
}

/**
 * `vigil cost`: see ./cost.ts. Loaded when asked for: it builds the tenant's stack (cdktf and the AWS provider), which
 * the other commands would otherwise carry in memory for nothing.
 */
export async function costCommand(opts: { eventsPerDay?: number; users?: number; benign?: boolean; json?: boolean; tenant?: string; tenantsDir?: string }, io: Io = consoleIo): Promise<number> {
  // A require, not import(): the CLI runs as CommonJS through tsx, where import() of a path without its extension fails.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { costCommand: runCost } = require('./cost') as typeof import('./cost');
  return runCost(tenantById(opts.tenant, opts.tenantsDir), opts, io);
}

/** `vigil detections`: the catalog. */
export function detectionsCommand(opts: { json?: boolean }, io: Io = consoleIo): number {
  for (const d of catalog) {
    if (opts.json) {
      io.out(JSON.stringify({ id: d.id, title: d.title, severity: d.severity, technique: d.mitre.technique, tactic: d.mitre.tactic, mode: d.mode, category: categoryOf(d.id), eventTypes: d.eventTypes, defaults: d.defaults }));
    } else {
      io.out(`${d.id.padEnd(42)} ${d.severity.padEnd(8)} ${d.mode.padEnd(9)} ${d.mitre.technique.padEnd(10)} ${d.title}`);
    }
  }
  if (!opts.json) io.out(`\n${catalog.length} detections (${catalog.filter((d) => d.mode === 'near-time').length} near-time)`);
  return 0;
}

/** `vigil tenants validate`. */
export function validateTenantsCommand(opts: { tenantsDir?: string }, io: Io = consoleIo): number {
  const tenants = loadTenants(tenantsPath(opts.tenantsDir));
  for (const t of tenants) io.out(`ok  ${t.id.padEnd(20)} ${eventSourceName(t)}  ${t.aws.accountId}/${t.aws.region}`);
  return 0;
}

/** `vigil tenants init`: write a new tenant file, validated by the same rules, next to the others. */
export function initTenantCommand(opts: { id: string; org: string; account: string; region: string; sourceName?: string; email?: string; tenantsDir?: string }, io: Io = consoleIo): number {
  const dir = tenantsPath(opts.tenantsDir);
  const file = join(dir, `${opts.id}.json`);
  const shown = relative(process.cwd(), file) || file;
  const doc = {
    id: opts.id,
    okta: { org: opts.org, eventSourceName: opts.sourceName ?? `vigil-${opts.id}` },
    aws: { accountId: opts.account, region: opts.region },
    archive: { retentionDays: 30 },
    notifications: { subscriptions: opts.email ? [{ protocol: 'email', endpoint: opts.email, minSeverity: 'medium' }] : [] },
    detections: {},
  };
  const { problems } = parseTenant(shown, doc);
  if (problems.length) throw new TenantConfigError(problems);
  if (existsSync(file)) throw new Error(`${shown} already exists; edit it instead`);
  const others = loadTenants(dir);
  const dupe = others.find((t) => t.id === opts.id || eventSourceName(t) === eventSourceName(doc));
  if (dupe) throw new Error(`tenant ${dupe.id} already uses this id or event source`);
  writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
  io.out(`wrote ${shown}; next: npx vigil onboard --tenant ${opts.id}`);
  return 0;
}

/** `vigil onboard`: what to do, in order, to bring a tenant's Okta log stream in. */
export function onboardCommand(opts: { tenant: string; tenantsDir?: string }, io: Io = consoleIo): number {
  const t = tenantById(opts.tenant, opts.tenantsDir);
  const names = tenantNames(t);
  io.out(
    [
      `Onboarding ${t.displayName ?? t.id} (${t.id})`,
      '',
      `1. In Okta (https://${t.okta.org}-admin.okta.com): Reports > Log Streaming > Add Log Stream > AWS EventBridge, with`,
      `     AWS Account ID:     ${t.aws.accountId}`,
      `     AWS Region:         ${t.aws.region}`,
      `     Event Source Name:  ${t.okta.eventSourceName}`,
      `   Okta creates the partner event source ${eventSourceName(t)} in that account.`,
      `   It must be associated with an event bus within days, or it expires: do step 2 the same day.`,
      '',
      `2. Deploy the tenant stack (creates the partner event bus named after the source, which associates it):`,
      `     npm run synth && npx cdktf deploy tenant-${t.id}`,
      '',
      `3. Check: the stack outputs the bus, archive and state machine ARNs; within minutes, chunks appear in`,
      `   ${names.prefix}-events and the hourly workflow ${names.stateMachine} runs at minute ${t.schedule.gracePeriodMinutes}.`,
      `   Confirm the ${t.notifications.subscriptions.filter((s) => s.protocol === 'email').length} email subscription(s) from the SNS confirmation mails.`,
    ].join('\n'),
  );
  return 0;
}

/**
 * `vigil generate`: a realistic day of Okta events (with attacks unless --benign), as NDJSON. By default as Okta
 * delivers them, like `npm start`: envelopes in arrival order, each stamped (`time`) when it reaches the bus, some late,
 * some twice, a few broken; `vigil simulate` on the output replays that delivery (late events make hours reprocessed).
 * With `bare`, each LogEvent once, in order.
 */
export async function generateCommand(opts: { tenant?: string; day: string; users: number; seed: number; profile?: ProfileName; benign?: boolean; bare?: boolean; tenantsDir?: string }, io: Io = consoleIo): Promise<number> {
  const t = tenantById(opts.tenant, opts.tenantsDir);
  const day = streamDay({ day: opts.day, org: t.okta.org, source: eventSourceName(t), users: opts.users, seed: opts.seed, profile: opts.profile, attacks: !opts.benign });
  const bar = io.progress ?? silent;
  const total = opts.bare ? day.events.length : day.deliveries.length;
  let n = 0;
  const write = (line: string) => {
    io.out(line);
    bar.update(`generate: ${++n} of ${total} records`);
  };
  if (opts.bare) for (const e of day.events) write(JSON.stringify(e));
  else for (const d of day.deliveries) write(d.raw ?? JSON.stringify({ ...(d.event as object), time: new Date(d.at).toISOString() }));
  bar.done();
  io.err(
    `${day.events.length} events for ${day.users.length} users on ${opts.day}` +
      (opts.bare ? ', each once' : `; ${total} records as delivered (some late, some twice, a few broken)`) +
      (opts.benign ? ' (no attacks)' : `; attacks: ${day.attacks.map((a) => a.name).join('; ')}`),
  );
  return EXIT.ok;
}
