/**
 * Near-time: one event from the near-time rule, evaluated within seconds by the near-time detections
 * with their live per-key state. A new finding is published at once, together with every other finding
 * for the same subject that has not been notified yet (one message), outside the hourly cycle.
 * Replays (top-level `replay-name`) are left to the hourly pass, which reprocesses the hours they land
 * in: they never raise a second near-time notification. A redelivered event is recognized by the live
 * state it would update (which remembers the uuids applied last), so no separate idempotency record is
 * written or read; and a finding's notification can be claimed only once in any case.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Publisher } from '../aws/clients';
import { resolveCatalog } from '../detections/catalog';
import { DetectionEngine } from '../detections/engine';
import type { Finding, ResolvedDetection } from '../detections/types';
import { intake } from '../okta/input';
import { ttlSeconds } from '../time';
import { claimNotification, confirmNotification, pendingForSubject, putFinding, releaseNotification, subjectKey } from '../store/findings';
import { loadLive, saveLive } from '../store/state';
import { table, type HandlerConfig } from './config';
import { nearTimeNotification, toPublishInput } from './notifications';

export type NearTimeOutcome =
  | { readonly status: 'ignored'; readonly reason: string }
  | { readonly status: 'evaluated'; readonly uuid: string; readonly findings: readonly Finding[]; readonly published: number; readonly duplicate: boolean };

export function nearTimeDetections(config: HandlerConfig): ResolvedDetection[] {
  return resolveCatalog(config.settings.detections).filter((r) => r.detection.mode === 'near-time');
}

export async function handleNearTime(envelope: unknown, config: HandlerConfig, ddb: DynamoDBDocumentClient, sns: Publisher, now = Date.now()): Promise<NearTimeOutcome> {
  const verdict = intake(envelope);
  if (verdict.kind !== 'event') return { status: 'ignored', reason: `${verdict.kind}: ${verdict.reason}` };
  if (verdict.replayName !== undefined) return { status: 'ignored', reason: `replayed (${verdict.replayName}): the hourly pass reprocesses its hour` };
  const event = verdict.event;
  const ttl = ttlSeconds(now, config.settings.retentionDays);

  const stateTable = table(config, 'state');
  const findingsTable = table(config, 'findings');
  const findings: Finding[] = [];
  let published = 0;
  let duplicate = false;
  for (const resolved of nearTimeDetections(config)) {
    if (!resolved.detection.eventTypes.includes(event.eventType)) continue;
    // Load, evaluate, store and notify, and only then save the new state: if anything fails before,
    // the retry evaluates from the old state and fires again (same finding id, notified once).
    for (let attempt = 0; ; attempt++) {
      const engine = new DetectionEngine([resolved], { tenantId: config.tenantId });
      const [routed] = engine.keysFor(event);
      if (!routed) break;
      const live = await loadLive(ddb, stateTable, routed.detectionId, routed.key);
      if (live.recent.includes(event.uuid)) {
        duplicate = true; // applied already: Okta delivered it twice, or EventBridge retried after this state was saved
        break;
      }
      if (live.entry) engine.load(live.entry);
      const found = engine.process(event);
      for (const f of found) {
        await putFinding(ddb, findingsTable, f, ttl, now);
        if (config.topicArn && (await notifyWithPending(ddb, findingsTable, config.topicArn, config.tenantId, f, sns, now))) published++;
      }
      const entry = [...engine.export()][0] ?? { ...routed, state: null, lastSeen: event.time, expiresAt: event.time };
      if (await saveLive(ddb, stateTable, entry, live, event.uuid)) {
        findings.push(...found);
        break;
      }
      if (attempt >= 4) throw new Error(`live state for ${routed.detectionId}/${routed.key} kept changing under us`);
    }
  }
  return { status: 'evaluated', uuid: event.uuid, findings, published, duplicate };
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
