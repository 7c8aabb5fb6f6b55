/**
 * Refresh User Data: one user, now, instead of at the daily roll-up. Through the tenant's Okta API (a read-only
 * administrator's token, read from Secrets Manager):
 *
 * 1. the user's profile, status, last sign-in and enrolled factors (Users and Factors APIs), stored per user;
 * 2. the user's System Log events (actor or target) since the last one stored, merged into the store: only uuids
 *    not stored yet are written (src/store/fetched-events.ts), so streamed and fetched events never count twice,
 *    and an hour already processed is re-opened for the hourly workflow;
 * 3. the user's Activity for the day, rebuilt from their stored and fetched events;
 * 4. the catalog over the user's events, emitting what the new events trigger; findings are stored (stable ids)
 *    and notified once as the hourly path would (a finding of a daily-cadence severity waits for the digest),
 *    named after the user as people know them.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Publisher } from '../aws/clients';
import { resolveCatalog } from '../detections/catalog';
import { DetectionEngine } from '../detections/engine';
import type { Finding } from '../detections/types';
import { OktaApi, OktaTokenError, personLabel, type OktaUserProfile } from '../okta/api';
import { label, normalize, type OktaEvent } from '../okta/event';
import type { OktaLogEvent } from '../okta/log-event';
import { storeFetchedEvents } from '../store/fetched-events';
import { claimNotification, publishClaimed, putFinding } from '../store/findings';
import { named, putUserProfile } from '../store/users';
import { HOUR, startOfHour, ttlSeconds } from '../time';
import { hourEvents, hoursWithEventsFrom } from './activity';
import { ActivityAggregator } from './activity-summary';
import { inEventOrder } from './hour-events';
import { bucket, cadenceOf, table, type HandlerConfig } from './config';
import { findingNotification, toPublishInput } from './notifications';

export interface RefreshUserInput {
  readonly tenantId: string;
  /** Okta user id (00u...) or login. */
  readonly user: string;
  /** How far back to look when nothing of the user's is stored. @default 24 */
  readonly hours?: number;
  /** How many events to return, newest first. @default 100 */
  readonly limit?: number;
  /** Refresh as of this time instead of now (ISO; the local simulated clock). */
  readonly asOf?: string;
}

/** The tenant's Okta API: where it is, and its token (`fresh`: read again, it was refused and may have been rotated). */
export interface OktaAccess {
  readonly orgUrl: string;
  token(fresh: boolean): Promise<string>;
}

/** Days a user's profile item is kept after their last refresh. */
const PROFILE_TTL_DAYS = 90;

const involves = (e: OktaEvent, userId: string) => e.actor?.id === userId || e.targets.some((t) => t.id === userId);

/** Run Okta API calls with the token; when Okta refuses it, read the secret again once and retry if it changed. */
async function withOkta<T>(access: OktaAccess, work: (api: OktaApi) => Promise<T>): Promise<T> {
  const token = await access.token(false);
  try {
    return await work(new OktaApi({ orgUrl: access.orgUrl, token }));
  } catch (err) {
    if (!(err instanceof OktaTokenError)) throw err;
    const rotated = await access.token(true);
    if (rotated === token) throw err;
    return work(new OktaApi({ orgUrl: access.orgUrl, token: rotated }));
  }
}

export async function refreshUser(input: RefreshUserInput, config: HandlerConfig, ddb: DynamoDBDocumentClient, s3: S3Client, sns: Publisher, okta: OktaAccess, clock = Date.now()) {
  const now = input.asOf ? Date.parse(input.asOf) : clock;
  if (!Number.isFinite(now)) throw new Error(`asOf ${JSON.stringify(input.asOf)} is not a timestamp`);
  const hours = Math.min(Math.max(input.hours ?? 24, 1), 24 * 7);
  const limit = Math.min(Math.max(input.limit ?? 100, 1), 1000);
  const from = startOfHour(now) - (hours - 1) * HOUR;

  const { profile, fetched, since } = await withOkta(okta, async (api) => {
    const profile = await api.user(input.user);
    // What is stored of the user in the window, and every uuid stored in those hours (a fetched event is new
    // only if no copy of it is stored, whoever it is filed under).
    const stored: OktaEvent[] = [];
    const known = new Set<string>();
    for await (const e of hourEvents(ddb, s3, config, [...(await hoursWithEventsFrom(ddb, config, from, hours)).keys()])) {
      known.add(e.uuid);
      if (involves(e, profile.id)) stored.push(e);
    }
    const since = new Date(stored.reduce((t, e) => Math.max(t, e.time), from)).toISOString();
    const fetched: { raw: OktaLogEvent; event?: OktaEvent; known: boolean }[] = [];
    for await (const raw of api.userEvents(profile.id, since, new Date(now).toISOString())) {
      let event: OktaEvent | undefined;
      try {
        event = normalize(raw);
      } catch {
        // Unreadable: counted, not stored (ingest would set it aside).
      }
      fetched.push({ raw, event, known: event ? known.has(event.uuid) : false });
      if (event) known.add(event.uuid);
    }
    return { profile, fetched: { stored, items: fetched }, since };
  });

  const fresh = fetched.items.filter((f) => f.event && !f.known).map((f) => f.event!);
  const ttl = ttlSeconds(now, config.settings.retentionDays);
  const merged = await storeFetchedEvents(ddb, s3, { tenantId: config.tenantId, eventsTable: table(config, 'events'), hoursTable: table(config, 'hours'), bucket: bucket(config) }, fresh.map((e) => e.raw), ttl);

  const fetchedAt = new Date(now).toISOString();
  const activityTable = table(config, 'activity');
  await putUserProfile(ddb, activityTable, { ...profile, fetchedAt }, ttlSeconds(now, PROFILE_TTL_DAYS));

  const mine = [...fetched.stored, ...fresh].sort(inEventOrder);
  const today = fetchedAt.slice(0, 10);
  const agg = new ActivityAggregator(today);
  for (const e of mine) if (e.published.startsWith(today)) agg.add(e);
  const summary = agg.summaries().find((s) => s.user === profile.id);
  if (summary) await ddb.send(new PutCommand({ TableName: activityTable, Item: { ...summary, refreshedAt: fetchedAt, ttl: ttlSeconds(now, PROFILE_TTL_DAYS) } }));

  const { findings, notified } = fresh.length ? await detectAndNotify(config, ddb, sns, mine, fresh, profile, now) : { findings: [], notified: 0 };
  return {
    user: { id: profile.id, login: profile.login, displayName: profile.displayName, status: profile.status, lastLogin: profile.lastLogin, factors: profile.factors, label: personLabel(profile) },
    since,
    fetched: fetched.items.length,
    new: fresh.length,
    alreadyStored: fetched.items.filter((f) => f.known).length,
    unreadable: fetched.items.filter((f) => !f.event).length,
    hoursWritten: merged.hours,
    hoursReopened: merged.reopened,
    findings: findings.map((f) => ({ id: f.id, detectionId: f.detectionId, severity: f.severity, title: f.title, subject: f.subject.display ?? f.subject.id, triggeredAt: f.triggeredAt })),
    notified,
    total: mine.length,
    events: [...mine].reverse().slice(0, limit).map((e) => ({ uuid: e.uuid, published: e.published, eventType: e.eventType, outcome: e.outcome, ip: e.ip, country: e.country, actor: label(e.actor) })),
    activity: summary,
  };
}

/**
 * The catalog over the user's events (stored ones give windows their context), keeping what the new events
 * trigger; each finding stored and, unless someone has notified it already, notified once. The hourly workflow
 * runs the re-opened hours again with the whole org's state: same ids, nothing notified twice.
 */
async function detectAndNotify(config: HandlerConfig, ddb: DynamoDBDocumentClient, sns: Publisher, mine: readonly OktaEvent[], fresh: readonly OktaEvent[], profile: OktaUserProfile, now: number) {
  const freshUuids = new Set(fresh.map((e) => e.uuid));
  const engine = new DetectionEngine(resolveCatalog(config.settings.detections), { emitFrom: fresh.reduce((t, e) => Math.min(t, e.time), Infinity), tenantId: config.tenantId });
  const found: Finding[] = [];
  for (const e of mine) found.push(...engine.process(e).filter((f) => f.eventUuids.some((u) => freshUuids.has(u))));
  const findings = found.map((f) => named(f, profile));
  const findingsTable = table(config, 'findings');
  const ttl = ttlSeconds(now, config.settings.retentionDays);
  let notified = 0;
  for (const f of findings) {
    await putFinding(ddb, findingsTable, f, ttl, now);
    if (!config.topicArn || cadenceOf(config, f.severity) !== 'hourly' || !(await claimNotification(ddb, findingsTable, f.id, 'refresh-user', now))) continue;
    await publishClaimed(ddb, findingsTable, [f.id], () => sns.publish(toPublishInput(config.topicArn!, findingNotification(config.tenantId, f))), now);
    notified++;
  }
  return { findings, notified };
}
