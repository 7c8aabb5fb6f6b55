/** The catalog as Markdown, generated from the code (docs/detections.md; a test fails when it is stale). */
import { catalog, categoryOf } from './catalog';
import type { ParamValue } from './types';

const fmt = (v: ParamValue) => (Array.isArray(v) ? (v.length > 4 ? `[${v.slice(0, 4).join(', ')}, … ${v.length} items]` : `[${v.join(', ')}]`) : String(v));
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function catalogMarkdown(): string {
  const lines = [
    '# Detection catalog',
    '',
    '<!-- Generated from src/detections by `npm run docs`. Do not edit by hand: test/docs.test.ts fails when this file is stale. -->',
    '',
    `${catalog.length} detections, ${catalog.filter((d) => d.mode === 'near-time').length} of them near-time. Every detection runs in the hourly pass; near-time ones are also evaluated within seconds of the event. Any parameter can be overridden, and any detection disabled, per tenant (\`detections\` in the tenant file).`,
    '',
    '| Detection | Category | Severity | Mode | ATT&CK | Event types | Parameters (defaults) |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const d of catalog) {
    const params = Object.entries(d.defaults).map(([k, v]) => `\`${k}\`=${cell(fmt(v))}`).join('<br>') || '—';
    lines.push(`| **${d.id}**<br>${cell(d.title)} | ${categoryOf(d.id)} | ${d.severity} | ${d.mode} | ${d.mitre.technique} ${cell(d.mitre.name)} | ${d.eventTypes.map((t) => `\`${t}\``).join('<br>')} | ${params} |`);
  }
  lines.push('', '## Descriptions', '');
  for (const d of catalog) {
    lines.push(`### ${d.id}`, '', cell(d.description), '');
    if (d.references?.length) lines.push(`References: ${d.references.map(cell).join('; ')}`, '');
  }
  return lines.join('\n');
}
