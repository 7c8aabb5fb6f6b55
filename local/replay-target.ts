/**
 * The replay operation's target (src/ops/replay.ts) on the local runtime: the archive replays at once, in order,
 * to the ingest rule; settling writes the delivery stream's buffer and lets the queues drain; the hourly workflow
 * runs in aws-local-stepfunctions.
 */
import type { ReplayState, ReplayTarget } from '../src/ops/replay';
import type { WorkflowOutput } from '../src/pipeline/workflow-steps';
import { hourlyRunInput } from '../src/pipeline/schedules';
import type { LocalPipeline } from './runtime';
import type { HourlyExecution } from './state-machine';

export function localReplayTarget(pipeline: LocalPipeline, now: () => number = Date.now): ReplayTarget {
  const replays = new Map<string, { state: ReplayState; lastReplayed?: number }>();
  const executions = new Map<string, HourlyExecution>();
  return {
    async startReplay(w) {
      if (replays.has(w.name)) throw Object.assign(new Error(`Replay ${w.name} already exists.`), { name: 'ResourceAlreadyExistsException' });
      replays.set(w.name, { state: 'RUNNING' });
      await pipeline.replayArchive(w.name, w.from, w.to, now());
      replays.set(w.name, { state: 'COMPLETED', lastReplayed: w.to });
    },
    async describeReplay(name) {
      const r = replays.get(name);
      if (!r) throw Object.assign(new Error(`Replay ${name} does not exist.`), { name: 'ResourceNotFoundException' });
      return r;
    },
    async cancelReplay(name) {
      const r = replays.get(name);
      if (r && r.state === 'RUNNING') replays.set(name, { ...r, state: 'CANCELLED' });
    },
    async settle() {
      await pipeline.drain();
    },
    async startExecution(hours, name) {
      const execution = await pipeline.startExecution({ ...hourlyRunInput(pipeline.tenant.id, new Date(now()).toISOString(), hours) });
      executions.set(name, execution);
      return name;
    },
    async describeExecution(id) {
      const e = executions.get(id)!;
      return { status: e.status as 'SUCCEEDED' | 'FAILED', hours: (e.output as WorkflowOutput | undefined)?.hours, error: e.error };
    },
  };
}
