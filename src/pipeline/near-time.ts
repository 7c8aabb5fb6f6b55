/**
 * Near-time: one event from the near-time rule, evaluated within seconds by the near-time detections
 * with their live per-key state. A new finding is published at once, together with every other finding
 * for the same subject that has not been notified yet (one message), outside the hourly cycle.
 * Duplicates and replays (top-level `replay-name`) never notify twice: the event's uuid is marked once,
 * and the finding's notification can be claimed once.
 */
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Publisher } from '../aws/clients';
import { resolveCatalog } from '../detections/catalog';
import { DetectionEngine } from '../detections/engine';
import type { Finding, ResolvedDetection } from '../detections/types';
import { intake } from '../okta/input';
import { nearTimeMarkerPk, ttlSeconds } from '../store/events';
import { claimNotification, pendingForSubject, putFinding, releaseNotification, subjectKey } from '../store/findings';
import { loadLive, saveLive } from '../store/state';
import { table, type HandlerConfig } from './config';
import { nearTimeNotification, toPublishInput } from './notifications';

export type NearTimeOutcome =
  | { readonly status: 'ignored'; readonly reason: string }
  | { readonly status: 'duplicate'; readonly uuid: string }
  | { readonly status: 'evaluated'; readonly uuid: string; readonly findings: readonly Finding[]; readonly published: number; readonly replay: boolean };

export function nearTimeDetections(config: HandlerConfig): ResolvedDetection[] {
  return resolveCatalog(config.settings.detections).filter((r) => r.detection.mode === 'near-time');
}

export async function handleNearTime(envelope: unknown, config: HandlerConfig, ddb: DynamoDBDocumentClient, sns: Publisher, now = Date.now()): Promise<NearTimeOutcome> {
  const verdict = intake(envelope);
  if (verdict.kind !== 'event') return { status: 'ignored', reason: `${verdict.kind}: ${verdict.reason}` };
  const event = verdict.event;
  const eventsTable = table(config, 'events');
  const ttl = ttlSeconds(now, config.settings.retentionDays);
  try {
    await ddb.send(new PutCommand({ TableName: eventsTable, Item: { pk: nearTimeMarkerPk(event.uuid), sk: 'N', ttl }, ConditionExpression: 'attribute_not_exists(pk)' }));
  } catch (err) {
    if ((err as { name?: string }).name === 'ConditionalCheckFailedException') return { status: 'duplicate', uuid: event.uuid };
    throw err;
  }

  const stateTable = table(config, 'state');
  const findings: Finding[] = [];
  for (const resolved of nearTimeDetections(config)) {
    if (!resolved.detection.eventTypes.includes(event.eventType)) continue;
    for (let attempt = 0; ; attempt++) {
      const engine = new DetectionEngine([resolved], { tenantId: config.tenantId });
      const [routed] = engine.keysFor(event);
      if (!routed) break;
      const live = await loadLive(ddb, stateTable, routed.detectionId, routed.key);
      if (live.entry) engine.load(live.entry);
      const found = engine.process(event);
      const entry = [...engine.export()][0] ?? { ...routed, state: null, lastSeen: event.time, expiresAt: event.time };
      if (await saveLive(ddb, stateTable, entry, live.version)) {
        findings.push(...found);
        break;
      }
      if (attempt >= 4) throw new Error(`live state for ${routed.detectionId}/${routed.key} kept changing under us`);
    }
  }

  const findingsTable = table(config, 'findings');
  let published = 0;
  for (const f of findings) {
    const isNew = await putFinding(ddb, findingsTable, f, ttl, now);
    if (!isNew || !config.topicArn) continue;
    const pending = (await pendingForSubject(ddb, findingsTable, subjectKey(f))).sort((a, b) => a.triggeredAt.localeCompare(b.triggeredAt));
    const claimed: Finding[] = [];
    for (const p of pending) if (await claimNotification(ddb, findingsTable, p.id, 'near-time', now)) claimed.push(p);
    const trigger = claimed.find((c) => c.id === f.id);
    if (!trigger) continue; // someone else notified it meanwhile
    try {
      await sns.publish(toPublishInput(config.topicArn, nearTimeNotification(config.tenantId, trigger, claimed)));
      published++;
    } catch (err) {
      for (const c of claimed) await releaseNotification(ddb, findingsTable, c.id);
      throw err;
    }
  }
  return { status: 'evaluated', uuid: event.uuid, findings, published, replay: verdict.replayName !== undefined };
}
