/**
 * How findings become SNS messages: one message per finding (hourly), one per subject (near-time: the
 * new finding plus the subject's other pending findings), one digest per day. Email gets text; https
 * and SQS subscribers get JSON. Message attributes carry severity (subscription filter policies key
 * on it), detection and tenant.
 */
import type { PublishCommandInput } from '@aws-sdk/client-sns';
import { SEVERITIES, severityRank, type Finding, type Severity } from '../detections/types';

/** The message attribute every message carries its severity in; subscription filter policies key on it. */
export const SEVERITY_ATTRIBUTE = 'severity';

/** SNS filter policy (on message attributes) admitting `min` and every higher severity. */
export function severityFilterPolicy(min: Severity): Record<string, string[]> {
  return { [SEVERITY_ATTRIBUTE]: SEVERITIES.filter((s) => severityRank(s) >= severityRank(min)) };
}

export type NotificationKind = 'finding' | 'near-time' | 'digest';

export interface Notification {
  readonly kind: NotificationKind;
  readonly tenantId: string;
  readonly severity: Severity;
  readonly subject: string;
  readonly findings: readonly Finding[];
  readonly text: string;
  readonly detection?: string;
}

export function highest(findings: readonly Pick<Finding, 'severity'>[]): Severity {
  return findings.reduce<Severity>((s, f) => (severityRank(f.severity) > severityRank(s) ? f.severity : s), 'info');
}

function line(f: Finding): string {
  return `[${f.severity.toUpperCase()}] ${f.title} — ${f.summary} (${f.windowStart} .. ${f.windowEnd}; ${f.detectionId}; ATT&CK ${f.technique})`;
}

/** SNS subjects are at most 100 printable ASCII characters. */
function snsSubject(s: string): string {
  const ascii = s.replace(/[^\x20-\x7E]/g, '-');
  return ascii.length > 100 ? `${ascii.slice(0, 97)}...` : ascii;
}

export function findingNotification(tenantId: string, f: Finding): Notification {
  return {
    kind: 'finding',
    tenantId,
    severity: f.severity,
    detection: f.detectionId,
    subject: `Vigil ${tenantId}: ${f.title} — ${f.subject.display ?? f.subject.id}`,
    findings: [f],
    text: line(f),
  };
}

/** A near-time finding, with the same subject's other pending findings sent along at once. */
export function nearTimeNotification(tenantId: string, trigger: Finding, pending: readonly Finding[]): Notification {
  const others = pending.filter((p) => p.id !== trigger.id);
  const all = [trigger, ...others];
  return {
    kind: 'near-time',
    tenantId,
    severity: highest(all),
    detection: trigger.detectionId,
    subject: `Vigil ${tenantId}: ${trigger.title} — ${trigger.subject.display ?? trigger.subject.id}${others.length ? ` (+${others.length} pending)` : ''}`,
    findings: all,
    text: [line(trigger), ...(others.length ? ['', `Other pending findings for ${trigger.subject.display ?? trigger.subject.id}:`, ...others.map(line)] : [])].join('\n'),
  };
}

/**
 * The daily digest: the day's findings, those notified by this message (`sending`: of daily cadence, not sent
 * before) first, then those already sent (hourly, or with a near-time message), each listed once.
 */
export function digestNotification(tenantId: string, day: string, findings: readonly Finding[], sending: ReadonlySet<string> = new Set()): Notification {
  const counts = SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
  const bySeverity = (a: Finding, b: Finding) => severityRank(b.severity) - severityRank(a.severity) || a.triggeredAt.localeCompare(b.triggeredAt);
  const fresh = findings.filter((f) => sending.has(f.id)).sort(bySeverity);
  const sent = findings.filter((f) => !sending.has(f.id)).sort(bySeverity);
  const sorted = [...fresh, ...sent];
  const listing = sending.size ? [`Not sent before (${fresh.length}):`, ...fresh.slice(0, 200).map(line), '', `Already sent (${sent.length}):`, ...sent.slice(0, Math.max(0, 200 - fresh.length)).map(line)] : sorted.slice(0, 200).map(line);
  return {
    kind: 'digest',
    tenantId,
    severity: highest(sending.size ? fresh : findings),
    subject: `Vigil ${tenantId}: daily digest ${day} — ${findings.length} finding${findings.length === 1 ? '' : 's'}${sending.size ? `, ${sending.size} not sent before` : ''}`,
    findings: sorted,
    text: [`Findings for ${day} (UTC): ${findings.length}${counts.length ? ` (${counts.map(([s, n]) => `${n} ${s}`).join(', ')})` : ''}`, '', ...listing].join('\n'),
  };
}

/** SNS's limit on a message, with room for the envelope. */
const MAX_MESSAGE_BYTES = 250 * 1024;

export function toPublishInput(topicArn: string, n: Notification): PublishCommandInput {
  // Email gets the text; every other protocol the JSON (`default`). A message must stay under 256 KB, so a
  // long digest lists fewer findings (and says how many there were in `total`).
  let listed = Math.min(n.findings.length, 200);
  let message: string;
  for (;;) {
    const json = JSON.stringify({ kind: n.kind, tenantId: n.tenantId, severity: n.severity, total: n.findings.length, findings: n.findings.slice(0, listed) });
    const text = n.text.length > 100_000 ? `${n.text.slice(0, 100_000)}\n...` : n.text;
    message = JSON.stringify({ default: json, email: text });
    if (Buffer.byteLength(message) <= MAX_MESSAGE_BYTES || listed === 0) break;
    listed = Math.floor(listed / 2);
  }
  return {
    TopicArn: topicArn,
    Subject: snsSubject(n.subject),
    MessageStructure: 'json',
    Message: message,
    MessageAttributes: {
      [SEVERITY_ATTRIBUTE]: { DataType: 'String', StringValue: n.severity },
      kind: { DataType: 'String', StringValue: n.kind },
      tenant: { DataType: 'String', StringValue: n.tenantId },
      ...(n.detection ? { detection: { DataType: 'String', StringValue: n.detection } } : {}),
    },
  };
}
