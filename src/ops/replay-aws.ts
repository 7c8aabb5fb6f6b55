/**
 * The replay operation's target (./replay.ts) in the tenant's AWS account: EventBridge's StartReplay,
 * DescribeReplay and CancelReplay on the tenant's archive, to the ingest rule only (FilterArns), and Step
 * Functions' StartExecution and DescribeExecution on the tenant's hourly workflow.
 */
import { CancelReplayCommand, DescribeReplayCommand, EventBridgeClient, StartReplayCommand } from '@aws-sdk/client-eventbridge';
import { DescribeExecutionCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { TenantClientConfig } from '../aws/tenant-credentials';
import { minimumGracePeriodMinutes } from '../pipeline/delivery';
import { MINUTE } from '../time';
import { hourlyRunInput } from '../pipeline/schedules';
import type { WorkflowOutput } from '../pipeline/workflow-steps';
import type { Tenant } from '../tenants/schema';
import { TenantArns, tenantNames } from '../../stacks/naming';
import type { ExecutionStatus, ReplayState, ReplayTarget, ReplayWindow } from './replay';

/** The StartReplay request: the tenant's archive, the window, the tenant's bus, the ingest rule only. */
export function startReplayInput(t: Tenant, w: ReplayWindow) {
  const names = tenantNames(t);
  const arns = new TenantArns(t.aws.region, t.aws.accountId);
  return {
    ReplayName: w.name,
    Description: `Vigil replay for ${t.id}: ${new Date(w.from).toISOString()} .. ${new Date(w.to).toISOString()}`,
    EventSourceArn: arns.arn('events', `archive/${names.archive}`),
    EventStartTime: new Date(w.from),
    EventEndTime: new Date(w.to),
    Destination: { Arn: arns.eventBus(names.eventBus), FilterArns: [arns.rule(names.eventBus, names.ingestRule)] },
  };
}

export interface AwsReplayTargetOptions {
  /** @default setTimeout */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
}

export function awsReplayTarget(t: Tenant, client: TenantClientConfig, options: AwsReplayTargetOptions = {}): ReplayTarget {
  const events = new EventBridgeClient(client);
  const sfn = new SFNClient(client);
  const names = tenantNames(t);
  const stateMachineArn = new TenantArns(t.aws.region, t.aws.accountId).stateMachine(names.stateMachine);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  return {
    async startReplay(w) {
      await events.send(new StartReplayCommand(startReplayInput(t, w)));
    },
    async describeReplay(name) {
      const r = await events.send(new DescribeReplayCommand({ ReplayName: name }));
      return { state: (r.State ?? 'STARTING') as ReplayState, lastReplayed: r.EventLastReplayedTime?.getTime(), reason: r.StateReason };
    },
    async cancelReplay(name) {
      await events.send(new CancelReplayCommand({ ReplayName: name }));
    },
    // The delivery stream writes what it holds within its buffering interval, and ingest indexes it: the wait an
    // hourly run's grace period must cover too.
    settle: () => sleep(minimumGracePeriodMinutes() * MINUTE),
    async startExecution(hours, name) {
      const res = await sfn.send(new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify(hourlyRunInput(t.id, new Date(now()).toISOString(), hours)) }));
      return res.executionArn!;
    },
    async describeExecution(id) {
      const e = await sfn.send(new DescribeExecutionCommand({ executionArn: id }));
      const output = e.output ? (JSON.parse(e.output) as WorkflowOutput) : undefined;
      return { status: (e.status ?? 'RUNNING') as ExecutionStatus, hours: output?.hours, error: e.error ? `${e.error}: ${e.cause ?? ''}` : undefined };
    },
  };
}
