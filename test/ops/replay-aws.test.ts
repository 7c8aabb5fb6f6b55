/** The replay command against AWS: EventBridge and Step Functions have no local implementation, so they are mocked (aws-sdk-client-mock). */
import { join } from 'node:path';
import { CancelReplayCommand, DescribeReplayCommand, EventBridgeClient, StartReplayCommand } from '@aws-sdk/client-eventbridge';
import { DescribeExecutionCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import type { Io } from '../../cli/commands';
import { replayCommand } from '../../cli/replay';
import { awsReplayTarget } from '../../src/ops/replay-aws';
import { findTenant, loadTenants } from '../../src/tenants/load';

const TENANTS = join(__dirname, '../../tenants');
const acme = findTenant(loadTenants(TENANTS), 'acme');
const client = { region: 'us-east-1', credentials: async () => ({ accessKeyId: 'AKIATEST', secretAccessKey: 'secret' }) };

describe('vigil replay, against AWS', () => {
  const events = mockClient(EventBridgeClient);
  const sfn = mockClient(SFNClient);
  beforeEach(() => {
    events.reset();
    sfn.reset();
  });

  function io() {
    const out: string[] = [];
    const progress: string[] = [];
    return { out, progress, io: { out: (l: string) => out.push(l), err: (l: string) => out.push(l), progress: { update: (t: string) => progress.push(t), done: () => undefined } } satisfies Io };
  }

  it('given a replay that runs, when followed, then progress shows how far it got, the window hours are run in one execution and each hour is reported', async () => {
    events.on(StartReplayCommand).resolves({ State: 'STARTING' });
    events
      .on(DescribeReplayCommand)
      .resolvesOnce({ State: 'RUNNING', EventLastReplayedTime: new Date('2026-11-02T10:30:00Z') })
      .resolves({ State: 'COMPLETED', EventLastReplayedTime: new Date('2026-11-02T12:00:00Z') });
    sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn:aws:states:us-east-1:111111111111:execution:vigil-acme-hourly:r1-1' });
    const hours = ['2026-11-02T09', '2026-11-02T10', '2026-11-02T11'].map((hour, i) => ({ hour, status: 'DONE', events: 100 + i, findings: i, published: i === 2 ? 1 : 0 }));
    sfn.on(DescribeExecutionCommand).resolvesOnce({ status: 'RUNNING' }).resolves({ status: 'SUCCEEDED', output: JSON.stringify({ hours }) });
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    const { out, progress, io: cio } = io();

    const code = await replayCommand({ tenant: 'acme', from: '2026-11-02T09:00', to: '2026-11-02T12:00', name: 'r1', tenantsDir: TENANTS }, cio, { target: awsReplayTarget(acme, client, { sleep }), sleep, pollMs: 1 });

    expect(code).toBe(0);
    const start = events.commandCalls(StartReplayCommand)[0].args[0].input;
    expect(start).toMatchObject({ ReplayName: 'r1', EventStartTime: new Date('2026-11-02T09:00:00Z'), EventEndTime: new Date('2026-11-02T12:00:00Z') });
    expect(start.Destination!.FilterArns).toEqual(['arn:aws:events:us-east-1:111111111111:rule/aws.partner/okta.com/acme/vigil-acme/vigil-acme-ingest']);
    expect(progress).toContainEqual(expect.stringMatching(/replaying 50% RUNNING, at 2026-11-02T10:30:00.000Z/));
    expect(waits).toContain(360_000); // the delivery stream's buffer and a minute, before the hours are run
    const execution = sfn.commandCalls(StartExecutionCommand)[0].args[0].input;
    expect(execution.stateMachineArn).toBe('arn:aws:states:us-east-1:111111111111:stateMachine:vigil-acme-hourly');
    expect(JSON.parse(execution.input!)).toMatchObject({ tenantId: 'acme', hours: ['2026-11-02T09', '2026-11-02T10', '2026-11-02T11'] });
    expect(out).toEqual([
      'replay r1: COMPLETED',
      'hour            status     events  findings  new notifications',
      '2026-11-02T09   DONE          100         0                  0',
      '2026-11-02T10   DONE          101         1                  0',
      '2026-11-02T11   DONE          102         2                  1',
      '3 hours: 303 events, 3 findings, 1 new notifications',
    ]);
  });

  it('given Ctrl-C while the replay runs, when followed, then CancelReplay is sent, no hour is run and the command fails', async () => {
    events.on(StartReplayCommand).resolves({ State: 'STARTING' });
    let cancelled = false;
    events.on(CancelReplayCommand).callsFake(async () => ((cancelled = true), { State: 'CANCELLING' }));
    events.on(DescribeReplayCommand).callsFake(async () => ({ State: cancelled ? 'CANCELLED' : 'RUNNING' }));
    const controller = new AbortController();
    const sleep = async () => controller.abort();
    const { out, io: cio } = io();

    const code = await replayCommand({ tenant: 'acme', from: '2026-11-02T09:00Z', to: '2026-11-02T12:00Z', name: 'r2', tenantsDir: TENANTS }, cio, { target: awsReplayTarget(acme, client, { sleep }), sleep, pollMs: 1, signal: controller.signal });

    expect(code).toBe(1);
    expect(events.commandCalls(CancelReplayCommand)).toHaveLength(1);
    expect(sfn.commandCalls(StartExecutionCommand)).toHaveLength(0);
    expect(out[0]).toBe('replay r2: CANCELLED');
  });

  it('given an ambiguous time, when the command is run, then it is refused before any call', async () => {
    const { io: cio } = io();
    await expect(replayCommand({ tenant: 'acme', from: '1', to: '2026-11-02T12:00Z', tenantsDir: TENANTS }, cio, { target: awsReplayTarget(acme, client) })).rejects.toThrow(/--from "1": not an ISO-8601 date or time/);
    expect(events.calls()).toHaveLength(0);
  });
});
