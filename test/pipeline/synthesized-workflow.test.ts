/**
 * The state machine as deployed: taken out of the synthesized tenant stack (Terraform JSON), its
 * Terraform references resolved to the local runtime's functions and tables, and executed with
 * aws-local-stepfunctions against dynalite and the real handlers.
 */
import { LocalPipeline, storedFindings } from '../../local/runtime';
import { LAMBDAS, type LambdaName } from '../../src/pipeline/lambdas';
import { jsonencodeArgument, onlyResource, resourcesOf, synthTenant } from '../stacks/support';
import { failedSignIns, rejectedPushes, testTenant, wrap } from './helpers';

/** Replace `${aws_lambda_function.X.arn}` and `${aws_dynamodb_table.X.name}` with what they would be. */
function resolveReferences(value: unknown, refs: Map<string, string>): unknown {
  if (typeof value === 'string') {
    const m = /^\$\{(.+)\}$/.exec(value);
    if (!m) return value;
    const resolved = refs.get(m[1]);
    if (!resolved) throw new Error(`unresolved reference ${value}`);
    return resolved;
  }
  if (Array.isArray(value)) return value.map((v) => resolveReferences(v, refs));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveReferences(v, refs)]));
  return value;
}

describe('the synthesized state machine, run locally', () => {
  const tenant = testTenant({ detections: { 'okta-brute-force-user': { params: { threshold: 10 } } } });
  let p: LocalPipeline;

  beforeAll(async () => {
    const { json } = synthTenant(tenant);
    const deployedDefinition = jsonencodeArgument(onlyResource(json, 'aws_sfn_state_machine').definition);
    const probe = await LocalPipeline.start(tenant);
    const refs = new Map<string, string>();
    for (const [id, fn] of resourcesOf(json, 'aws_lambda_function')) {
      const name = (Object.keys(LAMBDAS) as LambdaName[]).find((n) => fn.function_name === `vigil-${tenant.id}-${n}`);
      if (name) refs.set(`aws_lambda_function.${id}.arn`, probe.functionArn(name));
    }
    for (const [id, table] of resourcesOf(json, 'aws_dynamodb_table')) refs.set(`aws_dynamodb_table.${id}.name`, table.name);
    await probe.close();
    p = await LocalPipeline.start(tenant, { definition: resolveReferences(deployedDefinition, refs) as Record<string, unknown> });
  });
  afterAll(() => p.close());

  it('given an hour with a brute force and a push-fatigue attack, when the deployed definition runs, then it processes the hour and notifies each finding once', async () => {
    for (const e of [...failedSignIns('2026-11-02T09:05:00Z', 12), ...rejectedPushes('2026-11-02T09:30:00Z', 3)]) await p.put(wrap(e));

    const run = await p.runHourly('2026-11-02T10:15:00Z');
    const rerun = await p.runHourly('2026-11-02T10:20:00Z', ['2026-11-02T09']);

    expect(run.status).toBe('SUCCEEDED');
    expect(run.output).toMatchObject({ hours: [{ hour: '2026-11-02T09', status: 'DONE', events: 15, findings: 2, published: 1 }] });
    expect(rerun.output).toMatchObject({ hours: [{ hour: '2026-11-02T09', findings: 2, published: 0 }] });
    expect((await storedFindings(p, '2026-11-02T09')).map((f) => f.detectionId).sort()).toEqual(['okta-brute-force-user', 'okta-mfa-push-fatigue']);
    expect(p.published.map((m) => m.body.kind)).toEqual(['near-time', 'finding']);
  });
});
