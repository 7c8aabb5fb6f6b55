/**
 * cdktf records the full stack trace of every token it creates (each reference, Lazy value and
 * function call), only to word the error of a token that later fails to resolve. Tokens are kept for
 * the life of the process, so with many tenant stacks the traces are most of the synth's memory (about
 * 1.3 MB per tenant stack) and, formatted through source maps, a third of its time.
 *
 * `withoutTokenTraces(f)` runs `f` with those traces left empty. Errors keep their stack: only traces
 * captured into objects that are not errors (how cdktf captures them) are dropped. It uses V8's
 * documented `Error.prepareStackTrace` hook, nothing of cdktf's.
 */
export function withoutTokenTraces<T>(f: () => T): T {
  // Node (22 and later) defines the hook: its default formats errors through source maps.
  const previous = Error.prepareStackTrace;
  Error.prepareStackTrace = (target: unknown, frames: NodeJS.CallSite[]) => (target instanceof Error ? previous(target, frames) : '');
  try {
    return f();
  } finally {
    Error.prepareStackTrace = previous;
  }
}
