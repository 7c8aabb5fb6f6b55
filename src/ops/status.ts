/**
 * A tenant's status, for `vigil status`: is Okta's partner event source there (and not about to expire), is the bus
 * associated with it, do events flow (the last one received and its delay), how did the last hourly runs end, which
 * hours wait or are stuck, what sits in the dead-letter queues, which alarms are in alarm.
 *
 * The store's part (hours, last event) is read the same way from AWS and from the local runtime; the AWS part
 * (EventBridge, Step Functions, SQS, CloudWatch) comes from cli/aws-status.ts, the local one from local/status.ts.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { hourEvents } from '../pipeline/activity';
import type { HandlerConfig } from '../pipeline/config';
import { closedHour } from '../pipeline/plan';
import { queryAll } from '../store/dynamo';
import { HOUR_STATUS, type HourStatus } from '../store/keys';
import { STALE_CLAIM_MS } from '../store/hours';
import { DAY, HOUR, hourBucket } from '../time';
import type { Tenant } from '../tenants/schema';

/** How far back the hours are looked at: the Plan step's own reach. */
export const STATUS_LOOKBACK_DAYS = 7;

export interface SourceStatus {
  readonly name: string;
  /** EventBridge's state of the partner event source; MISSING: Okta has not created it (or it is in another account or region). */
  readonly state: 'PENDING' | 'ACTIVE' | 'DELETED' | 'MISSING' | string;
  readonly createdBy?: string;
  readonly createdAt?: string;
  /** A PENDING source expires (is deleted) at this time unless a bus is associated with it. */
  readonly expiresAt?: string;
}

export interface RunStatus {
  readonly name: string;
  readonly status: string;
  readonly startedAt: string;
  readonly stoppedAt?: string;
}

export interface HoursStatus {
  /** When the store last recorded an arrival, and the newest event of that hour. */
  readonly lastReceivedAt?: string;
  readonly lastEventPublished?: string;
  /** Seconds between that event's publication and its arrival being recorded. */
  readonly delaySeconds?: number;
  /** Closed hours not processed yet (OPEN) or re-opened (REPROCESS). */
  readonly pending: readonly string[];
  /** Hours a run claimed (RUNNING) longer ago than a run may hold them: the run died. */
  readonly stuck: readonly string[];
  /** The newest hours, with their status and event count. */
  readonly recent: readonly { hour: string; status: HourStatus; events: number }[];
}

export interface TenantStatus {
  readonly tenant: string;
  readonly at: string;
  readonly where: string;
  readonly source: SourceStatus;
  /** The partner event bus: `associated` when it exists and the source is ACTIVE. */
  readonly bus: { readonly name: string; readonly exists: boolean; readonly associated: boolean };
  /** Undefined when the tenant's tables do not exist yet (not deployed). */
  readonly hours?: HoursStatus;
  readonly runs: readonly RunStatus[];
  readonly deadLetters: readonly { readonly queue: string; readonly messages: number }[];
  /** Undefined where alarms are not evaluated (locally). */
  readonly alarmsInAlarm?: readonly { readonly name: string; readonly reason: string; readonly since?: string }[];
}

/** An item of the hours table, as the status reads it. */
interface HourItem {
  readonly hour: string;
  readonly status: HourStatus;
  readonly events?: number;
  readonly updatedAt?: string;
  readonly runStartedAt?: string;
}

/** The store's view of a tenant's hours over the last days: arrivals, pending and stuck hours. */
export async function hoursStatus(ddb: DynamoDBDocumentClient, s3: S3Client, config: Pick<HandlerConfig, 'tenantId' | 'tables' | 'bucket' | 'settings'>, tenant: Pick<Tenant, 'schedule'>, now: number): Promise<HoursStatus> {
  const items = await queryAll<HourItem>(ddb, {
    TableName: config.tables.hours,
    KeyConditionExpression: 'tenant = :t AND #h >= :since',
    ExpressionAttributeNames: { '#h': 'hour' },
    ExpressionAttributeValues: { ':t': config.tenantId, ':since': hourBucket(now - STATUS_LOOKBACK_DAYS * DAY) },
    ConsistentRead: true,
  });
  const closed = closedHour(new Date(now).toISOString(), tenant.schedule.gracePeriodMinutes);
  const staleBefore = new Date(now - STALE_CLAIM_MS).toISOString();
  const pending = items.filter((i) => (i.status === HOUR_STATUS.open && i.hour <= closed) || i.status === HOUR_STATUS.reprocess).map((i) => i.hour);
  const stuck = items.filter((i) => i.status === HOUR_STATUS.running && String(i.runStartedAt) < staleBefore).map((i) => i.hour);
  const last = items.filter((i) => Number(i.events ?? 0) > 0 && i.updatedAt).reduce<HourItem | undefined>((a, i) => (!a || i.updatedAt! > a.updatedAt! ? i : a), undefined);
  let lastEventPublished: string | undefined;
  if (last) {
    // (Config typing: hourEvents reads the events table and the bucket only.)
    for await (const e of hourEvents(ddb, s3, config as HandlerConfig, [last.hour])) if (!lastEventPublished || e.published > lastEventPublished) lastEventPublished = e.published;
  }
  const lastReceivedAt = last?.updatedAt;
  return {
    lastReceivedAt,
    lastEventPublished,
    delaySeconds: lastReceivedAt && lastEventPublished ? Math.max(0, Math.round((Date.parse(lastReceivedAt) - Date.parse(lastEventPublished)) / 1000)) : undefined,
    pending,
    stuck,
    recent: items.slice(-6).map((i) => ({ hour: i.hour, status: i.status, events: Number(i.events ?? 0) })),
  };
}

const ago = (iso: string, now: number) => {
  const ms = now - Date.parse(iso);
  if (ms < 0) return 'in the future';
  if (ms < HOUR) return `${Math.round(ms / 60_000)} min ago`;
  if (ms < DAY) return `${(ms / HOUR).toFixed(1)} h ago`;
  return `${(ms / DAY).toFixed(1)} days ago`;
};
const until = (iso: string, now: number) => {
  const ms = Date.parse(iso) - now;
  return ms <= 0 ? 'already past' : ms < DAY ? `in ${(ms / HOUR).toFixed(1)} h` : `in ${(ms / DAY).toFixed(1)} days`;
};
const short = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/** What to do next, from the status: the onboarding order (Okta first, then deploy, then events flow). */
export function nextStep(s: TenantStatus): string {
  if (s.source.state === 'MISSING') return `Okta has not created the partner event source yet: enter the account, region and event source name in Okta first (vigil onboard --tenant ${s.tenant}).`;
  if (s.source.state === 'DELETED') return 'The partner event source was deleted (expired, or removed in Okta): create the log stream in Okta again, then deploy the same day.';
  if (!s.bus.exists) return `The partner event source is there${s.source.expiresAt ? ` and expires ${s.source.expiresAt.slice(0, 16).replace('T', ' ')} UTC` : ''}: deploy now (npx cdktf deploy tenant-${s.tenant}).`;
  if (!s.hours?.lastReceivedAt) return 'Deployed; no event has arrived yet. Sign in to Okta (any event will do) and check again in a few minutes.';
  if (s.hours.stuck.length || (s.alarmsInAlarm?.length ?? 0) || s.deadLetters.some((d) => d.messages > 0) || s.runs.some((r) => r.status === 'FAILED' || r.status === 'TIMED_OUT')) return 'Events flow, with problems above to look at.';
  return 'Events flow.';
}

/** The status as lines for a terminal. */
export function formatStatus(s: TenantStatus): string[] {
  const now = Date.parse(s.at);
  const src = s.source;
  const lines = [
    `${s.tenant} (${s.where}) at ${short(s.at)} UTC`,
    `  event source  ${src.name}: ${src.state}${src.createdAt ? `, created ${short(src.createdAt)}${src.createdBy ? ` by ${src.createdBy}` : ''}` : ''}${src.state === 'PENDING' && src.expiresAt ? `, expires ${short(src.expiresAt)} (${until(src.expiresAt, now)}) unless a bus is associated` : ''}`,
    `  event bus     ${s.bus.exists ? (s.bus.associated ? 'exists, associated with the source' : 'exists, NOT associated (the source is not ACTIVE)') : 'does not exist (not deployed)'}`,
  ];
  const h = s.hours;
  if (!h) lines.push('  store         not deployed (no hours table)');
  else {
    lines.push(
      `  last event    ${h.lastReceivedAt ? `received ${short(h.lastReceivedAt)} (${ago(h.lastReceivedAt, now)})${h.lastEventPublished ? `, published ${short(h.lastEventPublished)}: ${h.delaySeconds} s on the way` : ''}` : `none in the last ${STATUS_LOOKBACK_DAYS} days`}`,
      `  hours         ${h.pending.length} pending${h.pending.length ? ` (${h.pending.slice(0, 6).join(', ')}${h.pending.length > 6 ? ', ...' : ''})` : ''}, ${h.stuck.length} stuck${h.stuck.length ? ` (${h.stuck.join(', ')})` : ''}; newest: ${h.recent.map((r) => `${r.hour.slice(11)}h ${r.status} ${r.events}`).join(', ') || 'none'}`,
    );
  }
  lines.push(`  hourly runs   ${s.runs.length ? s.runs.map((r) => `${short(r.startedAt).slice(11)} ${r.status}`).join(', ') : 'none yet'}`);
  lines.push(`  dead letters  ${s.deadLetters.length ? s.deadLetters.map((d) => `${d.queue} ${d.messages}`).join(', ') : 'none'}`);
  lines.push(`  alarms        ${s.alarmsInAlarm === undefined ? 'not evaluated locally' : s.alarmsInAlarm.length ? s.alarmsInAlarm.map((a) => `${a.name} IN ALARM${a.since ? ` since ${short(a.since)}` : ''}: ${a.reason}`).join('; ') : 'none in alarm'}`);
  lines.push(`  next          ${nextStep(s)}`);
  return lines;
}
