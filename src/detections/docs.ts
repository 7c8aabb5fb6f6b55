/** The catalog as Markdown, generated from the code (docs/detections.md; a test fails when it is stale). */
import { catalog, categoryOf } from './catalog';
import { PEER_RULES, PEER_SOURCES, type PeerSource } from './peers';
import type { Detection, ParamValue, Params } from './types';

const fmt = (v: ParamValue) => (Array.isArray(v) ? (v.length > 4 ? `[${v.slice(0, 4).join(', ')}, … ${v.length} items]` : `[${v.join(', ')}]`) : String(v));
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const list = (items: readonly string[]) => items.map((x) => `- ${cell(x)}`);

function section(d: Detection<Params, unknown>): string[] {
  const lines = [`### ${d.id}`, '', `**${cell(d.title)}**: ${d.severity}${d.severityNote ? ` (${cell(d.severityNote)})` : ''}, ${d.status}, ${d.mode}.`, '', cell(d.description), ''];
  lines.push('Known false positives:', '', ...list(d.falsePositives), '');
  lines.push('Runbook: check', '', ...list(d.runbook.check), '', 'Runbook: act', '', ...list(d.runbook.act), '');
  if (d.differences?.length) lines.push('Differs from the public rule sets:', '', ...list(d.differences), '');
  lines.push(`References: ${d.references.map(cell).join('; ')}`, '');
  return lines;
}

export function catalogMarkdown(): string {
  const experimental = catalog.filter((d) => d.status === 'experimental');
  const lines = [
    '# Detection catalog',
    '',
    '<!-- Generated from src/detections by `npm run docs`. Do not edit by hand: test/docs.test.ts fails when this file is stale. -->',
    '',
    `${catalog.length} detections, ${catalog.filter((d) => d.mode === 'near-time').length} of them near-time. Every detection runs in the hourly pass; near-time ones are also evaluated within seconds of the event. Any parameter can be overridden, and any detection disabled, per tenant (\`detections\` in the tenant file). The id is stable: tenant files, finding ids and SNS attributes use it. \`info\` findings are a record (an action peers mark informational, a request Okta already blocked), never an alarm: subscribers receive \`medium\` and above unless they ask for less.`,
    '',
    '| Detection | Category | Severity | Status | Mode | ATT&CK | Event types | Parameters (defaults) |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const d of catalog) {
    const params = Object.entries(d.defaults).map(([k, v]) => `\`${k}\`=${cell(fmt(v))}`).join('<br>') || '—';
    const severity = d.severityNote ? `${d.severity} (varies)` : d.severity;
    lines.push(`| **${d.id}**<br>${cell(d.title)} | ${categoryOf(d.id)} | ${severity} | ${d.status} | ${d.mode} | ${d.mitre.technique} ${cell(d.mitre.name)} | ${d.eventTypes.map((t) => `\`${t}\``).join('<br>')} | ${params} |`);
  }
  if (experimental.length) {
    lines.push('', '## New detections (experimental)', '', 'Added for parity with the public rule sets; their scope and thresholds may still change. Runbooks below.', '');
    for (const d of experimental) lines.push(`- **${d.id}**: ${cell(d.title)}. Check: ${d.runbook.check.map(cell).join('; ')}. Act: ${d.runbook.act.map(cell).join('; ')}.`);
  }
  lines.push('', '## Detections', '');
  for (const d of catalog) lines.push(...section(d));
  lines.push('## Public Okta rules', '', 'Every public Okta attack rule of the peer rule sets, covered by a Vigil detection or not, with the reason. Hunting queries, rules the peers ship disabled and pure inventory are left out.', '');
  for (const source of Object.keys(PEER_SOURCES) as PeerSource[]) {
    const rules = PEER_RULES.filter((r) => r.source === source);
    const coveredCount = rules.filter((r) => 'coveredBy' in r).length;
    lines.push(`### ${PEER_SOURCES[source]}: ${coveredCount} of ${rules.length} covered`, '', '| Rule | Vigil |', '|---|---|');
    for (const r of rules) lines.push(`| ${r.rule} | ${'coveredBy' in r ? `${r.coveredBy.join(', ')}${r.note ? ` (${cell(r.note)})` : ''}` : `not covered: ${cell(r.gap)}`} |`);
    lines.push('');
  }
  return lines.join('\n');
}
