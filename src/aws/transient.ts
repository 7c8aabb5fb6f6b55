/**
 * Errors that pass: a dependency that cannot be reached for a moment (connection refused or reset, a
 * timeout, DNS not answering), throttling, or a 5xx from an AWS service. The AWS SDK retries these a few
 * times within one call; when an outage outlasts that, a workflow step rethrows them as one named error,
 * {@link TransientError}, which the state machine retries with backoff for minutes instead of failing the hour.
 */
import { WORKFLOW_ERROR } from '../workflow/names';

/** Node's and undici's codes for a connection that could not be made or was lost. */
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);

/** AWS error names (and the SDK's own) for a call that may succeed if made again. */
const TRANSIENT_NAMES = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'InternalServerError',
  'InternalFailure',
  'InternalError',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'SlowDown',
]);

interface ErrorLike {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
  readonly cause?: unknown;
  readonly $retryable?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: number };
}

/** Whether an error is one that passes (see the module comment); follows `cause` a few levels down. */
export function isTransient(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 4) return false;
  const e = err as ErrorLike;
  if (e.name === WORKFLOW_ERROR.transient) return true;
  if (typeof e.code === 'string' && CONNECTION_CODES.has(e.code)) return true;
  if (typeof e.name === 'string' && TRANSIENT_NAMES.has(e.name)) return true;
  if (e.$retryable) return true;
  const status = e.$metadata?.httpStatusCode;
  if (typeof status === 'number' && (status >= 500 || status === 429)) return true;
  if (typeof e.message === 'string' && /socket hang up/i.test(e.message)) return true;
  return isTransient(e.cause, depth + 1);
}

/** A transient error, under the one name the state machine retries with backoff (WORKFLOW_ERROR.transient). */
export class TransientError extends Error {
  constructor(cause: unknown) {
    super(`${(cause as ErrorLike)?.name ?? 'Error'}${(cause as ErrorLike)?.code ? ` (${String((cause as ErrorLike).code)})` : ''}: ${String((cause as ErrorLike)?.message ?? cause)}`, { cause });
    this.name = WORKFLOW_ERROR.transient;
  }
}

/** Run a workflow step, rethrowing a transient error as {@link TransientError} and any other as it is. */
export async function classifyTransient<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    throw isTransient(err) && !(err instanceof TransientError) ? new TransientError(err) : err;
  }
}
