/** TraceSampling alone: the tenant's rate over its services, longer service prefixes first, and the limits X-Ray sets. */
import { Testing } from 'cdktf';
import { PRIORITY_BASE, TraceSampling, type TraceSamplingProps } from '../../../stacks/constructs/trace-sampling';
import { emptyStack } from './support';

function rule(props: Partial<TraceSamplingProps> = {}): Record<string, unknown> {
  const stack = emptyStack();
  new TraceSampling(stack, 'tracing', { ruleName: 'vigil-acme', serviceName: 'vigil-acme-*', fixedRate: 0.05, ...props });
  return Object.values(JSON.parse(Testing.synth(stack)).resource.aws_xray_sampling_rule as Record<string, Record<string, unknown>>)[0];
}

describe('TraceSampling', () => {
  it('given a rate, when constructed, then every matching request of any type is sampled at exactly that rate', () => {
    expect(rule({ fixedRate: 0.2 })).toEqual({
      rule_name: 'vigil-acme',
      priority: PRIORITY_BASE - 'vigil-acme-'.length,
      version: 1,
      fixed_rate: 0.2,
      reservoir_size: 0,
      service_name: 'vigil-acme-*',
      service_type: '*',
      host: '*',
      http_method: '*',
      url_path: '*',
      resource_arn: '*',
    });
  });

  it('given a tenant whose id extends another, when both rules exist, then the longer service prefix is evaluated first', () => {
    const longer = rule({ ruleName: 'vigil-acme-eu', serviceName: 'vigil-acme-eu-*' });
    expect(longer.priority as number).toBeLessThan(rule().priority as number);
  });

  it.each([
    ['a rate over 1', { fixedRate: 1.5 }, /test\/tracing: fixedRate must be from 0 to 1, got 1.5/],
    ['a negative reservoir', { reservoirSize: -1 }, /reservoirSize must be a whole number, 0 or more, got -1/],
    ['a rule name of 33 characters', { ruleName: 'x'.repeat(33) }, /ruleName must be 1-32 letters/],
  ])('given %s, when constructed, then it fails', (_what, props, message) => {
    expect(() => rule(props)).toThrow(message);
  });
});
