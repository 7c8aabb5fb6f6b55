/** Synth without cdktf's token traces: tokens record none, errors keep theirs, and the hook is restored. */
import { Lazy } from 'cdktf';
import { withoutTokenTraces } from '../../stacks/token-traces';

describe('withoutTokenTraces', () => {
  it('given a token created outside, then it records its creation stack (what the scope drops)', () => {
    expect(Lazy.anyValue({ produce: () => 1 }).creationStack.length).toBeGreaterThan(0);
  });

  it('given a token and an error created inside, then the token records no stack and the error keeps its frames', () => {
    const { token, error } = withoutTokenTraces(() => ({ token: Lazy.anyValue({ produce: () => 1 }), error: new Error('kept') }));
    expect(token.creationStack).toEqual([]);
    expect(error.stack).toMatch(/^Error: kept\n\s+at .*token-traces\.test\.ts/);
  });

  it('given the scope throws, then the error propagates and the stack hook is restored', () => {
    const before = Error.prepareStackTrace;
    expect(() => withoutTokenTraces(() => { throw new Error('boom'); })).toThrow('boom');
    expect(Error.prepareStackTrace).toBe(before);
  });
});
