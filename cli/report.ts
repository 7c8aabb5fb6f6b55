/**
 * The HTML report of a run (`vigil simulate --report`, `vigil detect --report`, `npm start`): one self-contained page,
 * Chart.js bundled in, that works offline. Events per hour with the findings and notifications on that timeline, the
 * findings, each notification as it would reach SNS with the near-time path's latency, and the detections' counts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { catalog } from '../src/detections/catalog';
import { SEVERITIES, type Finding, type Severity } from '../src/detections/types';
import { HOUR } from '../src/time';
import type { HourReport } from '../local/simulation';

/** A notification as it would reach SNS, on the simulated clock. */
export interface ReportNotification {
  readonly at: string;
  readonly kind: 'near-time' | 'hourly' | 'digest';
  readonly severity: string;
  readonly subject: string;
  readonly findings: number;
  /** Near-time only: from the event that completed the finding to the notification (simulated delivery). */
  readonly latencyMs?: number;
}

export interface ReportInput {
  readonly title: string;
  readonly tenant: string;
  /** What was read (a file name, or a description of the generated day). */
  readonly source: string;
  /** Time of each event read (epoch ms), duplicates excluded. */
  readonly eventTimes: readonly number[];
  readonly findings: readonly Finding[];
  /** @default - no pipeline ran (`vigil detect`): no notifications */
  readonly notifications?: readonly ReportNotification[];
  /** Lines of the run's own report (records read, problems). */
  readonly summary: readonly string[];
}

/** When each event arrived on the bus and when it happened, by uuid (the first delivery counts). */
export type Arrivals = Map<string, { readonly at: number; readonly published: number }>;

const KIND: Record<string, ReportNotification['kind']> = { 'near-time': 'near-time', finding: 'hourly', digest: 'digest' };

/**
 * The notifications of a simulation, on its clock: hourly ones and digests at the run that published them; a near-time
 * one when the event that completed its finding arrived, its latency from that event's time.
 */
export function notificationsOf(reports: readonly HourReport[], arrivals: Arrivals): ReportNotification[] {
  const out: ReportNotification[] = [];
  for (const r of reports) {
    for (const m of r.notifications) {
      const kind = KIND[m.body.kind] ?? 'hourly';
      const base = { kind, severity: m.body.severity, subject: String(m.input.Subject ?? ''), findings: m.body.total };
      if (kind !== 'near-time') {
        out.push({ ...base, at: r.tick });
        continue;
      }
      const completing = m.body.findings
        .flatMap((f) => ((f.eventUuids as string[] | undefined) ?? []).map((u) => arrivals.get(u)))
        .filter((a): a is { at: number; published: number } => a !== undefined)
        .sort((a, b) => b.at - a.at)[0];
      out.push(completing ? { ...base, at: new Date(completing.at).toISOString(), latencyMs: completing.at - completing.published } : { ...base, at: r.tick });
    }
  }
  return out.sort((a, b) => a.at.localeCompare(b.at));
}

const COLORS: Record<Severity, string> = { info: '#8c8c8c', low: '#59a14f', medium: '#f28e2b', high: '#e15759', critical: '#7b1fa2' };

function esc(s: unknown): string {
  return String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON safe inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Events per UTC hour, from the first event's hour to the last's (empty hours included). */
export function eventsPerHour(times: readonly number[]): Array<{ hour: string; events: number }> {
  if (!times.length) return [];
  let min = Infinity;
  let max = -Infinity;
  for (const t of times) {
    if (t < min) min = t;
    if (t > max) max = t;
  }
  const first = Math.floor(min / HOUR) * HOUR;
  const counts = new Array<number>(Math.floor(max / HOUR) - first / HOUR + 1).fill(0);
  for (const t of times) counts[Math.floor(t / HOUR) - first / HOUR]++;
  return counts.map((events, i) => ({ hour: new Date(first + i * HOUR).toISOString().slice(0, 13), events }));
}

function chartScript(): string {
  // The UMD build (global `Chart`), next to the package's CommonJS entry (dist/chart.cjs); `exports` hides its path.
  return readFileSync(join(dirname(require.resolve('chart.js')), 'chart.umd.min.js'), 'utf8');
}

/** The page. */
export function reportHtml(r: ReportInput): string {
  const hours = eventsPerHour(r.eventTimes);
  const start = hours.length ? Date.parse(`${hours[0].hour}:00:00Z`) : 0;
  const x = (iso: string) => (Date.parse(iso) - start) / HOUR;
  const findings = [...r.findings].sort((a, b) => a.triggeredAt.localeCompare(b.triggeredAt));
  const notifications = r.notifications ?? [];
  const nearTime = notifications.filter((n) => n.latencyMs !== undefined).map((n) => n.latencyMs!);
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.detectionId, (counts.get(f.detectionId) ?? 0) + 1);
  const data = {
    hours,
    severities: SEVERITIES,
    colors: COLORS,
    findings: findings.map((f) => ({ x: x(f.triggeredAt), severity: f.severity, detection: f.detectionId, subject: f.subject.display ?? f.subject.id })),
    notifications: notifications.map((n) => ({ x: x(n.at), severity: n.severity, kind: n.kind, subject: n.subject })),
  };
  const rows = (cells: unknown[][]) => cells.map((c) => `<tr>${c.map((v) => `<td>${esc(v)}</td>`).join('')}</tr>`).join('\n');
  const sev = (s: string) => `<span class="sev" style="background:${COLORS[s as Severity] ?? '#999'}">${esc(s)}</span>`;
  const detectionRows = catalog.filter((d) => counts.has(d.id)).map((d) => [d.id, d.title, d.severity, d.mode, counts.get(d.id)]);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(r.title)}</title>
<style>
  body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #222; margin: 24px auto; max-width: 1200px; padding: 0 16px; }
  h1 { font-size: 22px; margin-bottom: 4px; } h2 { font-size: 17px; margin-top: 28px; }
  .meta { color: #555; } pre { background: #f6f6f6; padding: 8px 12px; overflow-x: auto; font-size: 12px; }
  table { border-collapse: collapse; width: 100%; font-size: 13px; } th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #e4e4e4; vertical-align: top; }
  th { background: #fafafa; } td.num { text-align: right; } .sev { color: #fff; border-radius: 3px; padding: 0 6px; font-size: 12px; }
  .chart { position: relative; height: 360px; } .stat { font-size: 15px; }
</style>
</head>
<body>
<h1>${esc(r.title)}</h1>
<div class="meta">tenant <b>${esc(r.tenant)}</b> · ${esc(r.source)} · ${r.eventTimes.length} events · ${findings.length} findings · ${notifications.length} SNS notifications</div>
<pre>${esc(r.summary.join('\n'))}</pre>

<h2>Events per hour, with findings and notifications</h2>
<div class="chart"><canvas id="timeline" role="img" aria-label="Events per hour, with findings by severity"></canvas></div>

<h2 id="findings">Findings (${findings.length})</h2>
<table><thead><tr><th>Triggered (UTC)</th><th>Severity</th><th>Detection</th><th>Subject</th><th>Summary</th></tr></thead><tbody>
${findings.map((f) => `<tr class="finding"><td>${esc(f.triggeredAt.replace('T', ' ').slice(0, 19))}</td><td>${sev(f.severity)}</td><td>${esc(f.detectionId)}</td><td>${esc(f.subject.display ?? f.subject.id)}</td><td>${esc(f.summary)}</td></tr>`).join('\n')}
</tbody></table>

<h2 id="notifications">Notifications as they would reach SNS (${notifications.length})</h2>
${
  r.notifications === undefined
    ? '<p>None: <code>vigil detect</code> runs the catalog only, with no pipeline to notify. <code>vigil simulate --report</code> shows them.</p>'
    : `<p class="stat">Near-time path: ${nearTime.length ? `${nearTime.length} notifications, latency from the event to SNS median ${seconds(median(nearTime))}, max ${seconds(Math.max(...nearTime))} (simulated delivery; the handler's own time is not counted)` : 'no near-time notification'}.</p>
<table><thead><tr><th>At (UTC)</th><th>Kind</th><th>Severity</th><th>Subject</th><th>Findings</th><th>Latency</th></tr></thead><tbody>
${notifications.map((n) => `<tr class="notification"><td>${esc(n.at.replace('T', ' ').slice(0, 19))}</td><td>${esc(n.kind)}</td><td>${sev(n.severity)}</td><td>${esc(n.subject)}</td><td class="num">${n.findings}</td><td class="num">${n.latencyMs === undefined ? '' : seconds(n.latencyMs)}</td></tr>`).join('\n')}
</tbody></table>`
}

<h2 id="detections">Detections that fired</h2>
<table><thead><tr><th>Detection</th><th>Title</th><th>Severity</th><th>Mode</th><th>Findings</th></tr></thead><tbody>
${rows(detectionRows)}
</tbody></table>
<p class="meta">${catalog.length} detections in the catalog; ${catalog.length - detectionRows.length} did not fire. Generated ${esc(new Date().toISOString().slice(0, 19))} UTC by Vigil.</p>

<script id="report-data" type="application/json">${scriptJson(data)}</script>
<script>${chartScript()}</script>
<script>
(function () {
  var d = JSON.parse(document.getElementById('report-data').textContent);
  var rank = function (s) { return d.severities.indexOf(s); };
  var label = function (v) { var h = d.hours[Math.floor(v)]; return h ? h.hour.slice(5).replace('T', ' ') + ':00' : ''; };
  // Chart.js draws a lower order on top: findings and notifications over the bars.
  var datasets = [{ type: 'bar', label: 'events per hour', order: 2, yAxisID: 'y', backgroundColor: '#4e79a7', barPercentage: 0.95, categoryPercentage: 1,
    data: d.hours.map(function (h, i) { return { x: i + 0.5, y: h.events }; }) }];
  d.severities.forEach(function (s) {
    var fs = d.findings.filter(function (f) { return f.severity === s; });
    if (fs.length) datasets.push({ type: 'scatter', label: s + ' findings', order: 1, yAxisID: 'sev', backgroundColor: d.colors[s], borderColor: '#222', pointRadius: 7,
      data: fs.map(function (f) { return { x: f.x, y: rank(s), label: f.detection + ' — ' + f.subject }; }) });
  });
  if (d.notifications.length) datasets.push({ type: 'scatter', label: 'SNS notifications', order: 0, yAxisID: 'sev', pointStyle: 'triangle', pointRadius: 8, backgroundColor: '#ffffff', borderColor: '#222', borderWidth: 1.5,
    data: d.notifications.map(function (n) { return { x: n.x, y: rank(n.severity) + 0.35, label: n.kind + ' [' + n.severity + '] ' + n.subject }; }) });
  new Chart(document.getElementById('timeline'), {
    data: { datasets: datasets },
    options: { animation: false, maintainAspectRatio: false, parsing: true,
      scales: {
        x: { type: 'linear', min: 0, max: Math.max(d.hours.length, 1), ticks: { stepSize: 1, autoSkip: true, maxRotation: 0, callback: label } },
        y: { position: 'left', beginAtZero: true, title: { display: true, text: 'events per hour' } },
        sev: { position: 'right', min: 0.5, max: d.severities.length - 0.3, grid: { drawOnChartArea: false }, title: { display: true, text: 'finding severity' },
          ticks: { stepSize: 1, callback: function (v) { return d.severities[v] || ''; } } } },
      plugins: { tooltip: { callbacks: { label: function (c) { return c.raw.label || (c.raw.y + ' events'); } } } } }
  });
})();
</script>
</body>
</html>
`;
}

/** Write the page; returns its absolute path. */
export function writeReport(path: string, input: ReportInput): string {
  const file = resolve(path);
  writeFileSync(file, reportHtml(input));
  return file;
}
