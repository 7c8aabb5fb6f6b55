/** Which errors pass (retried by the workflow with backoff) and which do not (the hour is marked for reprocessing at once). */
import { classifyTransient, isTransient, TransientError } from '../../src/aws/transient';
import { DYNAMODB_TRANSIENT_ERRORS, hourlyWorkflow, LAMBDA_TRANSIENT_ERRORS } from '../../src/workflow/hourly-state-machine';
import { TASK_STATES, WORKFLOW_ERROR } from '../../src/workflow/names';

const err = (props: Record<string, unknown>) => Object.assign(new Error('x'), props);

describe('transient errors', () => {
  it.each([
    ['connection refused', err({ code: 'ECONNREFUSED' })],
    ['connection reset', err({ code: 'ECONNRESET', message: 'socket hang up' })],
    ['a timeout', err({ name: 'TimeoutError' })],
    ['DNS not answering', err({ code: 'EAI_AGAIN' })],
    ['a 503 from a service', err({ name: 'ServiceUnavailable', $metadata: { httpStatusCode: 503 } })],
    ['a 500 under any name', err({ name: 'SomethingElse', $metadata: { httpStatusCode: 500 } })],
    ['throttling', err({ name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } })],
    ['a connection error as the cause', err({ cause: err({ code: 'ECONNRESET' }) })],
  ])('given %s, then it is transient', (_, e) => {
    expect(isTransient(e)).toBe(true);
  });

  it.each([
    ['a failed condition', err({ name: 'ConditionalCheckFailedException', $metadata: { httpStatusCode: 400 } })],
    ['access denied', err({ name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } })],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'x')")],
    ['not an error', 'ECONNREFUSED'],
  ])('given %s, then it is not', (_, e) => {
    expect(isTransient(e)).toBe(false);
  });

  it('given a step that fails with a connection error, when classified, then it throws the one name the workflow retries, with the cause', async () => {
    const cause = err({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:8000' });
    const thrown = await classifyTransient(() => Promise.reject(cause)).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(TransientError);
    expect(thrown).toMatchObject({ name: WORKFLOW_ERROR.transient, cause, message: 'Error (ECONNREFUSED): connect ECONNREFUSED 127.0.0.1:8000' });
  });

  it('given a step that fails otherwise, when classified, then the error goes through as it is', async () => {
    const bug = new TypeError('bug');
    await expect(classifyTransient(() => Promise.reject(bug))).rejects.toBe(bug);
  });

  it('given the hourly workflow, then every Task state retries the transient errors of what it calls, with backoff', () => {
    const def = hourlyWorkflow({ planFunctionArn: 'plan', detectFunctionArn: 'detect', notifyFunctionArn: 'notify', eventsTable: 'events', hoursTable: 'hours' }) as { States: Record<string, Record<string, unknown>> };
    const states = { ...def.States, ...(def.States.EachHour.ItemProcessor as { States: Record<string, Record<string, unknown>> }).States };
    const tasks = Object.entries(states).filter(([, s]) => s.Type === 'Task');
    expect(tasks.map(([name]) => name).sort()).toEqual([...TASK_STATES].sort());
    for (const [name, s] of tasks) {
      const errors = (s.Resource as string).startsWith('arn:aws:states:::') ? DYNAMODB_TRANSIENT_ERRORS : LAMBDA_TRANSIENT_ERRORS;
      const retriers = s.Retry as Array<{ ErrorEquals: string[]; BackoffRate: number; MaxAttempts: number }>;
      for (const e of errors) expect({ name, retried: retriers.some((r) => r.ErrorEquals.includes(e) && r.BackoffRate > 1 && r.MaxAttempts >= 8) }).toEqual({ name, retried: true });
    }
  });
});
