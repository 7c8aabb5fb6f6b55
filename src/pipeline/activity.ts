/**
 * User activity: each user's events summarised per day into the Activity table (the daily job) and the
 * day's findings digest. Refresh User Data (./refresh-user.ts) rebuilds one user's day on demand.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Publisher } from '../aws/clients';
import type { OktaEvent } from '../okta/event';
import { loadHourActivity } from '../store/activity-parts';
import { putAll, queryAll } from '../store/dynamo';
import { listChunks } from '../store/events';
import { claimNotification, findingsForHour, publishClaimed } from '../store/findings';
import { hoursWithEvents } from '../store/hours';
import { DAILY_RUNS_PK, HOUR_STATUS, type HourStatus } from '../store/keys';
import { DAY, HOUR, hourBucket, ttlSeconds } from '../time';
import { bucket, cadenceOf, intakeRules, table, type HandlerConfig } from './config';
import { readHourEvents } from './hour-events';
import { ActivityAggregator, type ActivitySummary } from './activity-summary';
import { digestNotification, toPublishInput } from './notifications';

/** The hours from `fromHour` on, `hours` of them, as hour buckets. */
function hourBuckets(fromHour: number, hours: number): string[] {
  return Array.from({ length: hours }, (_, h) => hourBucket(fromHour + h * HOUR));
}

/** The hours from `fromHour` on, `hours` of them, that have had events, with their status, in hour order (one query to the hours table). */
export async function hoursWithEventsFrom(ddb: DynamoDBDocumentClient, config: HandlerConfig, fromHour: number, hours: number): Promise<Map<string, HourStatus>> {
  const buckets = hourBuckets(fromHour, hours);
  const active = await hoursWithEvents(ddb, table(config, 'hours'), config.tenantId, buckets[0], buckets[buckets.length - 1]);
  return new Map(buckets.filter((h) => active.has(h)).map((h) => [h, active.get(h)!]));
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
  const active = [...(await hoursWithEventsFrom(ddb, config, from, ((start - from) / DAY) * 24)).keys()];
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

/**
 * A day's Activity, hour by hour in order: a processed hour (DONE) from the parts Detect stored as it read the hour;
 * an hour not processed since its last events arrived (pending, re-opened, failed), or without stored parts, from
 * its events.
 */
async function dayActivity(day: string, config: HandlerConfig, ddb: DynamoDBDocumentClient, s3: S3Client): Promise<{ summaries: ActivitySummary[]; events: number; active: string[] }> {
  const agg = new ActivityAggregator(day);
  let events = 0;
  const active = await hoursWithEventsFrom(ddb, config, Date.parse(`${day}T00:00:00Z`), 24);
  for (const [hour, status] of active) {
    const stored = status === HOUR_STATUS.done ? await loadHourActivity(s3, bucket(config), hour) : undefined;
    if (stored) {
      for (const part of stored.users) agg.merge(part);
      events += stored.events;
      continue;
    }
    for await (const e of hourEvents(ddb, s3, config, [hour])) {
      agg.add(e);
      events++;
    }
  }
  return { summaries: agg.summaries(), events, active: [...active.keys()] };
}

/** One day's roll-up and digest, then its record. */
async function rollUpDay(day: string, config: HandlerConfig, ddb: DynamoDBDocumentClient, s3: S3Client, sns: Publisher, now: number): Promise<Omit<DailyOutput, 'caughtUp'>> {
  const { summaries, events, active } = await dayActivity(day, config, ddb, s3);
  const activityTable = table(config, 'activity');
  const ttl = ttlSeconds(now, Math.max(config.settings.retentionDays, 90));
  await putAll(ddb, activityTable, summaries.map((s) => ({ ...s, ttl })));

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
