/** A replay's report, per hour, as `vigil replay` and `vigil simulate --replay-from/--replay-to` print it. */
import type { ReplayReport } from '../src/ops/replay';

export function formatReplayReport(r: ReplayReport): string[] {
  const lines = [`replay ${r.name}: ${r.state}${r.reason ? ` (${r.reason})` : ''}`];
  if (!r.hours.length) return lines;
  lines.push('hour            status     events  findings  new notifications');
  for (const h of r.hours) lines.push(`${h.hour}   ${h.status.padEnd(9)} ${String(h.events ?? '-').padStart(7)} ${String(h.findings ?? '-').padStart(9)} ${String(h.published ?? '-').padStart(18)}${h.error ? `  ${h.error}` : ''}`);
  const sum = (k: 'events' | 'findings' | 'published') => r.hours.reduce((n, h) => n + (h[k] ?? 0), 0);
  lines.push(`${r.hours.length} hours: ${sum('events')} events, ${sum('findings')} findings, ${sum('published')} new notifications`);
  for (const f of r.failedExecutions) lines.push(`execution ${f.id}: ${f.status}${f.error ? ` ${f.error}` : ''}`);
  return lines;
}
