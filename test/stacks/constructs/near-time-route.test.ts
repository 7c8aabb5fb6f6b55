/** NearTimeRoute alone: one rule per pattern, and only patterns EventBridge accepts. */
import { ingestPattern, MAX_PATTERN_LENGTH, type EventPattern } from '../../../src/events/patterns';
import { LAMBDAS } from '../../../src/pipeline/lambdas';
import { NearTimeRoute } from '../../../stacks/constructs/near-time-route';
import { emptyStack, pipelineFunction } from './support';

function route(patterns: readonly EventPattern[]): NearTimeRoute {
  const stack = emptyStack();
  return new NearTimeRoute(stack, 'near-time', {
    busName: 'bus',
    patterns,
    ruleName: (i) => `rule-${i}`,
    nearTime: pipelineFunction(stack, LAMBDAS['near-time']),
    deliveryDeadLetterQueueArn: 'arn:aws:sqs:eu-west-1:111111111111:delivery-dlq',
  });
}

const withTypes = (...eventTypes: string[]): EventPattern => ({ ...ingestPattern(), detail: { eventType: eventTypes } });

describe('NearTimeRoute', () => {
  it('given two patterns, when constructed, then there is one rule each', () => {
    expect(route([withTypes('user.session.start'), withTypes('user.mfa.okta_verify.deny_push')]).rules).toHaveLength(2);
  });

  it('given no patterns (no near-time detections), when constructed, then there are no rules', () => {
    expect(route([]).rules).toHaveLength(0);
  });

  it('given an empty pattern, when constructed, then it fails: EventBridge rejects a pattern without fields', () => {
    expect(() => route([withTypes('user.session.start'), {}])).toThrow('test/near-time: patterns[1] is not a pattern EventBridge accepts: the pattern has no fields');
  });

  it('given a pattern listing no event types, when constructed, then it fails naming the field', () => {
    expect(() => route([withTypes()])).toThrow('patterns[0] is not a pattern EventBridge accepts: detail.eventType lists no values');
  });

  it('given a pattern over the size limit, when constructed, then it fails with its length', () => {
    const types = Array.from({ length: 100 }, (_, i) => `type.${i}.${'x'.repeat(20)}`);
    expect(() => route([withTypes(...types)])).toThrow(new RegExp(`patterns\\[0\\] is not a pattern EventBridge accepts: it is \\d+ characters, over the ${MAX_PATTERN_LENGTH}-character limit`));
  });
});
