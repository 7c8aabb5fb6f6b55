/**
 * The hourly workflow's Notify step: publish each of the hour's findings that nobody has notified yet, once, if its
 * severity's cadence is hourly; the others wait for the daily message (or a near-time finding for their subject).
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Publisher } from '../aws/clients';
import { claimNotification, findingsForHour, publishClaimed } from '../store/findings';
import { WORKFLOW_ERROR } from '../workflow/names';
import { cadenceOf, table, type HandlerConfig } from './config';
import { findingNotification, toPublishInput } from './notifications';
import type { NotifyInput, NotifyOutput } from './workflow-steps';

/** The byHour index has not caught up with Detect's writes yet; the workflow retries Notify. */
export class FindingsNotIndexedYet extends Error {
  constructor(hour: string, seen: number, expected: number) {
    super(`hour ${hour}: the findings index shows ${seen} of ${expected} findings`);
    this.name = WORKFLOW_ERROR.findingsNotIndexedYet;
  }
}

/** Publish each of the hour's findings that nobody has notified yet, once. */
export async function notifyHour(input: NotifyInput, config: HandlerConfig, ddb: DynamoDBDocumentClient, sns: Publisher, now = Date.now()): Promise<NotifyOutput> {
  if (!config.topicArn) throw new Error('no topic ARN configured for notify');
  const findingsTable = table(config, 'findings');
  const all = await findingsForHour(ddb, findingsTable, input.hour);
  // A global secondary index is eventually consistent: right after Detect, it may not list them all.
  const seen = input.run === undefined ? all.length : all.filter((f) => f.detectRun === input.run).length;
  if (input.expected !== undefined && seen < input.expected) throw new FindingsNotIndexedYet(input.hour, seen, input.expected);
  let published = 0;
  let waiting = 0;
  for (const f of all.filter((x) => !x.notifiedAt).sort((a, b) => a.triggeredAt.localeCompare(b.triggeredAt) || a.id.localeCompare(b.id))) {
    if (cadenceOf(config, f.severity) !== 'hourly') {
      waiting++;
      continue;
    }
    if (!(await claimNotification(ddb, findingsTable, f.id, 'hourly', now))) continue;
    await publishClaimed(ddb, findingsTable, [f.id], () => sns.publish(toPublishInput(config.topicArn!, findingNotification(config.tenantId, f))), now);
    published++;
  }
  return { published, alreadyNotified: all.length - published - waiting, waiting };
}
