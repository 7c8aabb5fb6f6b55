/**
 * User activity: each user's events summarised per day into the Activity table (the daily job) and the
 * day's findings digest. Refresh User Data (./refresh-user.ts) rebuilds one user's day on demand.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Publisher } from '../aws/clients';
import { subjectUser, type OktaEvent } from '../okta/event';
import { queryAll } from '../store/dynamo';
import { listChunks } from '../store/events';
import { claimNotification, findingsForHour, publishClaimed } from '../store/findings';
import { hoursWithEvents } from '../store/hours';
import { DAILY_RUNS_PK } from '../store/keys';
import { DAY, HOUR, hourBucket, ttlSeconds } from '../time';
import { bucket, cadenceOf, intakeRules, table, type HandlerConfig } from './config';
import { readHourEvents } from './hour-events';
import { digestNotification, toPublishInput } from './notifications';

const MAX_DISTINCT = 50;

/** One user's day. Distinct lists are capped so an item stays small whatever the user did. */
export interface ActivitySummary {
  user: string;
  day: string;
  login?: string;
  events: number;
  firstSeen: string;
  lastSeen: string;
  eventTypes: Record<string, number>;
  outcomes: Record<string, number>;
  ips: string[];
  countries: string[];
  userAgents: number;
  signIns: number;
  failedSignIns: number;
}

export class ActivityAggregator {
  private readonly users = new Map<string, ActivitySummary & { agents: Set<string> }>();

  constructor(private readonly day: string) {}

  add(e: OktaEvent): void {
    const who = subjectUser(e);
    if (!who) return;
    let s = this.users.get(who.id);
    if (!s) {
      s = { user: who.id, day: this.day, login: who.alternateId, events: 0, firstSeen: e.published, lastSeen: e.published, eventTypes: {}, outcomes: {}, ips: [], countries: [], userAgents: 0, signIns: 0, failedSignIns: 0, agents: new Set() };
      this.users.set(who.id, s);
    }
    s.events++;
    if (e.published < s.firstSeen) s.firstSeen = e.published;
    if (e.published > s.lastSeen) s.lastSeen = e.published;
    s.eventTypes[e.eventType] = (s.eventTypes[e.eventType] ?? 0) + 1;
    if (e.outcome) s.outcomes[e.outcome] = (s.outcomes[e.outcome] ?? 0) + 1;
    if (e.ip && !s.ips.includes(e.ip) && s.ips.length < MAX_DISTINCT) s.ips.push(e.ip);
    if (e.country && !s.countries.includes(e.country) && s.countries.length < MAX_DISTINCT) s.countries.push(e.country);
    if (e.userAgent && s.agents.size < MAX_DISTINCT) s.agents.add(e.userAgent);
    s.userAgents = s.agents.size;
    if (e.eventType === 'user.session.start') {
      if (e.outcome === 'SUCCESS') s.signIns++;
      else if (e.outcome === 'FAILURE') s.failedSignIns++;
    }
  }

  summaries(): ActivitySummary[] {
    return [...this.users.values()].map(({ agents: _agents, ...s }) => s);
  }
}

/** The hours from `fromHour` on, `hours` of them, as hour buckets. */
function hourBuckets(fromHour: number, hours: number): string[] {
  return Array.from({ length: hours }, (_, h) => hourBucket(fromHour + h * HOUR));
}

/** The hours from `fromHour` on, `hours` of them, that have had events (one query to the hours table). */
export async function hoursWithEventsFrom(ddb: DynamoDBDocumentClient, config: HandlerConfig, fromHour: number, hours: number): Promise<string[]> {
  const buckets = hourBuckets(fromHour, hours);
  const active = await hoursWithEvents(ddb, table(config, 'hours'), config.tenantId, buckets[0], buckets[buckets.length - 1]);
  return buckets.filter((h) => active.has(h));
}

/**
 * The events of the given hours, in hour order. The hours' chunk lists are asked for all at once (one small
 * query each); the chunks themselves are read an hour at a time.
 */
export async function* hourEvents(ddb: DynamoDBDocumentClient, s3: S3Client, config: HandlerConfig, buckets: readonly string[]): AsyncGenerator<OktaEvent> {
  const eventsTable = table(config, 'events');
  const chunkLists = await Promise.all(buckets.map((hour) => listChunks(ddb, eventsTable, hour)));
  for (const [i, hour] of buckets.entries()) {
    if (!chunkLists[i].length) continue;
    const { events } = await readHourEvents(s3, bucket(config), hour, chunkLists[i], intakeRules(config.settings));
    yield* events;
  }
}

export interface DailyInput {
  readonly tenantId: string;
  readonly scheduledTime: string;
  /** The UTC day to summarise (YYYY-MM-DD). @default the day before scheduledTime */
  readonly day?: string;
}

/** How far back a daily run looks for days a failed or lost run left without their roll-up and digest. */
export const DAILY_CATCH_UP_DAYS = 7;
/** At most this many missed days are rolled up in one run (oldest first), so a run stays within its time out. */
export const MAX_CATCH_UP_PER_RUN = 2;

export interface DailyOutput {
  readonly day: string;
  readonly users: number;
  readonly events: number;
  readonly findings: number;
  readonly digest: boolean;
  /** Findings of daily cadence the digest notified (not sent before). */
  readonly delivered: number;
  /** Earlier days rolled up (and their digests sent) first, because their own run failed or never came. */
  readonly caughtUp: readonly string[];
}

const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * Days before `day` that a daily run missed: within DAILY_CATCH_UP_DAYS, after the oldest completed day on
 * record (days before the daily runs kept records are not judged), with events and no record; oldest first,
 * at most MAX_CATCH_UP_PER_RUN. One query of the records; one of the hours table when a day is unrecorded.
 */
async function missedDays(ddb: DynamoDBDocumentClient, config: HandlerConfig, day: string): Promise<string[]> {
  const start = Date.parse(`${day}T00:00:00Z`);
  const kept = Math.max(config.settings.retentionDays, 90);
  const records = await queryAll<{ day: string }>(ddb, {
    TableName: table(config, 'activity'),
    KeyConditionExpression: '#u = :runs AND #d BETWEEN :from AND :to',
    ExpressionAttributeNames: { '#u': 'user', '#d': 'day' },
    ExpressionAttributeValues: { ':runs': DAILY_RUNS_PK, ':from': dayOf(start - kept * DAY), ':to': dayOf(start - DAY) },
  });
  if (!records.length) return [];
  const done = new Set(records.map((r) => r.day));
  const from = Math.max(Date.parse(`${records[0].day}T00:00:00Z`) + DAY, start - DAILY_CATCH_UP_DAYS * DAY);
  const unrecorded = Array.from({ length: Math.max(0, (start - from) / DAY) }, (_, i) => dayOf(from + i * DAY)).filter((d) => !done.has(d));
  if (!unrecorded.length) return [];
  const active = await hoursWithEventsFrom(ddb, config, from, ((start - from) / DAY) * 24);
  return unrecorded.filter((d) => active.some((h) => h.startsWith(d))).slice(0, MAX_CATCH_UP_PER_RUN);
}

/**
 * The daily job: summarise each user's day into the Activity table and send the day's digest, which notifies the
 * day's findings of daily cadence that nothing sent yet (each once) and lists the others as already sent; first
 * the same for days a failed or lost run missed (see missedDays), so those findings are sent too. Each day
 * completed is recorded; a run that fails after a digest and before its record sends that digest again on the
 * next run (its findings already sent are listed as such, not notified again).
 */
export async function daily(input: DailyInput, config: HandlerConfig, ddb: DynamoDBDocumentClient, s3: S3Client, sns: Publisher, now = Date.now()): Promise<DailyOutput> {
  const day = input.day ?? dayOf(Date.parse(input.scheduledTime) - DAY);
  if (!Number.isFinite(Date.parse(`${day}T00:00:00Z`))) throw new Error(`day ${JSON.stringify(day)} is not YYYY-MM-DD`);
  const caughtUp: string[] = [];
  for (const missed of await missedDays(ddb, config, day)) {
    await rollUpDay(missed, config, ddb, s3, sns, now);
    caughtUp.push(missed);
  }
  return { ...(await rollUpDay(day, config, ddb, s3, sns, now)), caughtUp };
}

/** One day's roll-up and digest, then its record. */
async function rollUpDay(day: string, config: HandlerConfig, ddb: DynamoDBDocumentClient, s3: S3Client, sns: Publisher, now: number): Promise<Omit<DailyOutput, 'caughtUp'>> {
  const start = Date.parse(`${day}T00:00:00Z`);
  const agg = new ActivityAggregator(day);
  let events = 0;
  const active = await hoursWithEventsFrom(ddb, config, start, 24);
  for await (const e of hourEvents(ddb, s3, config, active)) {
    agg.add(e);
    events++;
  }
  const activityTable = table(config, 'activity');
  const ttl = ttlSeconds(now, Math.max(config.settings.retentionDays, 90));
  const summaries = agg.summaries();
  for (const s of summaries) await ddb.send(new PutCommand({ TableName: activityTable, Item: { ...s, ttl } }));

  // A finding's hour is its triggering event's, so only hours with events can hold findings.
  const findingsTable = table(config, 'findings');
  const findings = (await Promise.all(active.map((hour) => findingsForHour(ddb, findingsTable, hour)))).flat();
  let digest = false;
  let delivered = 0;
  if (config.topicArn) {
    // Findings whose cadence is daily and that nothing sent yet (no near-time message for their subject) go now.
    const sending: string[] = [];
    for (const f of findings) if (!f.notifiedAt && cadenceOf(config, f.severity) === 'daily' && (await claimNotification(ddb, findingsTable, f.id, 'daily', now))) sending.push(f.id);
    await publishClaimed(ddb, findingsTable, sending, () => sns.publish(toPublishInput(config.topicArn!, digestNotification(config.tenantId, day, findings, new Set(sending)))), now);
    digest = true;
    delivered = sending.length;
  }
  await ddb.send(new PutCommand({ TableName: activityTable, Item: { user: DAILY_RUNS_PK, day, completedAt: new Date(now).toISOString(), ttl } }));
  return { day, users: summaries.length, events, findings: findings.length, digest, delivered };
}
