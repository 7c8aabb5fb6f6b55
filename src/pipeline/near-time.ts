/**
 * Near-time: the events of one object the delivery stream wrote (about five minutes of the feed), as ingest
 * has just read them for its index (src/pipeline/ingest.ts), evaluated by the near-time detections with
 * their live per-key state: the object's keys' states are read together (BatchGetItem, a hundred a
 * request), each key's events applied in time order, and its state written once (not at all when there is
 * nothing to remember), so the path pays per object and key, not per event. A new finding is published at once, together with every other finding for the same subject that
 * has not been notified yet (one message), outside the hourly cycle.
 * Replays (top-level `replay-name`) are left to the hourly pass, which reprocesses the hours they land
 * in: they never raise a second near-time notification. A redelivered event or object is recognized by
 * the live state it would update (which remembers the uuids applied last), so no separate idempotency
 * record is written or read; and a finding's notification can be claimed only once in any case.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Publisher } from '../aws/clients';
import { resolveCatalog } from '../detections/catalog';
import { DetectionEngine, type DetectionFailure } from '../detections/engine';
import type { Finding, ResolvedDetection } from '../detections/types';
import type { OktaEvent } from '../okta/event';
import { ttlSeconds } from '../time';
import { claimNotification, confirmNotification, pendingForSubject, putFinding, releaseNotification, subjectKey } from '../store/findings';
import { statePk } from '../store/keys';
import { loadLive, loadLiveMany, saveLive } from '../store/state';
import { table, type HandlerConfig } from './config';
import { inEventOrder } from './hour-events';
import { nearTimeNotification, toPublishInput } from './notifications';

export interface NearTimeOutcome {
  /** Events near-time detections read (replays and other types are left to the hourly pass). */
  readonly events: number;
  /** Of those, events a live state had applied already (redelivered by Okta, or the object again). */
  readonly duplicates: number;
  readonly findings: readonly Finding[];
  readonly published: number;
  /** (detection, event) pairs that threw: the others went on (the hourly pass tries every detection again). */
  readonly failures: readonly DetectionFailure[];
}

export function nearTimeDetections(config: HandlerConfig): ResolvedDetection[] {
  return resolveCatalog(config.settings.detections).filter((r) => r.detection.mode === 'near-time');
}

/** The events near-time reads, of those picked from an object (its detections' types, not replayed): each uuid once, in time order. */
export function nearTimeEventsOf(picked: Iterable<OktaEvent>): OktaEvent[] {
  const events = new Map<string, OktaEvent>();
  for (const event of picked) if (!events.has(event.uuid)) events.set(event.uuid, event);
  return [...events.values()].sort(inEventOrder);
}

/**
 * Evaluate an object's events of near-time types (not replays: ingest keeps those out), each uuid once, in time
 * order (see {@link nearTimeEventsOf}).
 */
export async function evaluateNearTime(events: readonly OktaEvent[], config: HandlerConfig, ddb: DynamoDBDocumentClient, sns: Publisher, now = Date.now()): Promise<NearTimeOutcome> {
  const detections = nearTimeDetections(config);
  const ttl = ttlSeconds(now, config.settings.retentionDays);
  const stateTable = table(config, 'state');
  const findingsTable = table(config, 'findings');
  const findings: Finding[] = [];
  const failures: DetectionFailure[] = [];
  let published = 0;
  let duplicates = 0;
  // Each (detection, key)'s events, in time order; their live states read together, a hundred a request.
  const groups: Array<{ resolved: ResolvedDetection; routed: { detectionId: string; key: string }; events: OktaEvent[] }> = [];
  for (const resolved of detections) {
    const byKey = new Map<string, (typeof groups)[number]>();
    const router = new DetectionEngine([resolved], { tenantId: config.tenantId });
    for (const event of events) {
      if (!resolved.detection.eventTypes.includes(event.eventType)) continue;
      const [routed] = router.keysFor(event);
      if (!routed) continue;
      const group = byKey.get(routed.key) ?? byKey.set(routed.key, { resolved, routed, events: [] }).get(routed.key)!;
      group.events.push(event);
    }
    groups.push(...byKey.values());
  }
  const preloaded = await loadLiveMany(ddb, stateTable, groups.map((g) => g.routed));
  for (const { resolved, routed, events: keyEvents } of groups) {
    // Load, evaluate, store and notify, and only then save the new state: if anything fails before,
    // the retry evaluates from the old state and fires again (same finding id, notified once).
    for (let attempt = 0; ; attempt++) {
      const live = attempt === 0 ? preloaded.get(statePk(routed.detectionId, routed.key))! : await loadLive(ddb, stateTable, routed.detectionId, routed.key);
      const fresh = keyEvents.filter((e) => !live.recent.includes(e.uuid));
      if (!fresh.length) {
        duplicates += keyEvents.length;
        break;
      }
      const engine = new DetectionEngine([resolved], { tenantId: config.tenantId });
      if (live.entry) engine.load(live.entry);
      const found = fresh.flatMap((e) => engine.process(e));
      for (const f of found) {
        await putFinding(ddb, findingsTable, f, ttl, now);
        if (config.topicArn && (await notifyWithPending(ddb, findingsTable, config.topicArn, config.tenantId, f, sns, now))) published++;
      }
      const [exported] = [...engine.export()];
      // Nothing to remember before or after, and nothing found: a redelivery would come to the same, so no write.
      if (!live.entry && !exported && !found.length) {
        failures.push(...engine.failures);
        break;
      }
      const last = fresh[fresh.length - 1];
      const entry = exported ?? { ...routed, state: null, lastSeen: last.time, expiresAt: last.time };
      if (await saveLive(ddb, stateTable, entry, live, fresh.map((e) => e.uuid))) {
        duplicates += keyEvents.length - fresh.length;
        findings.push(...found);
        failures.push(...engine.failures);
        break;
      }
      if (attempt >= 4) throw new Error(`live state for ${routed.detectionId}/${routed.key} kept changing under us`);
    }
  }
  return { events: events.length, duplicates, findings, published, failures };
}

/**
 * Notify a near-time finding, with its subject's other pending findings, in one message. The trigger is
 * claimed by id on the table itself (strongly consistent); the others come from the bySubject index,
 * which may lag a little, so a just-written sibling may go with the next message instead.
 * Returns false when the finding was already notified.
 */
async function notifyWithPending(ddb: DynamoDBDocumentClient, findingsTable: string, topicArn: string, tenantId: string, f: Finding, sns: Publisher, now: number): Promise<boolean> {
  if (!(await claimNotification(ddb, findingsTable, f.id, 'near-time', now))) return false;
  const claimed: Finding[] = [f];
  try {
    const pending = (await pendingForSubject(ddb, findingsTable, subjectKey(f))).filter((p) => p.id !== f.id).sort((a, b) => a.triggeredAt.localeCompare(b.triggeredAt));
    // At most MAX_PENDING_ALONG others go along (so the message lists every finding it marks notified);
    // any beyond stay pending for the hourly cycle.
    for (const p of pending) {
      if (claimed.length > MAX_PENDING_ALONG) break;
      if (await claimNotification(ddb, findingsTable, p.id, 'near-time', now)) claimed.push(p);
    }
    await sns.publish(toPublishInput(topicArn, nearTimeNotification(tenantId, f, claimed)));
  } catch (err) {
    for (const c of claimed) await releaseNotification(ddb, findingsTable, c.id);
    throw err;
  }
  for (const c of claimed) await confirmNotification(ddb, findingsTable, c.id, now);
  return true;
}

/** How many of a subject's other pending findings a near-time message carries. */
export const MAX_PENDING_ALONG = 50;
