/** Base of every error Sluice raises on purpose; its message is meant for the user. Each folder's own errors extend it. */
export class SluiceError extends Error {
  override name = 'SluiceError';
  /**
   * Whether trying again later may succeed: a network failure, throttling, a 5xx or a write conflict. Anything
   * else (a bad spec, a render or policy error) is permanent: it is recorded at once and never retried.
   */
  readonly transient: boolean;

  constructor(message: string, options: { cause?: unknown; transient?: boolean } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.transient = options.transient ?? false;
  }
}

/** Node and undici error codes of a connection that failed or broke, and could work a moment later. */
const networkCodes = new Set(['ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT']);

/**
 * Whether `error` is worth retrying: Sluice's own errors say so themselves; the AWS SDK's by `$retryable`, a 5xx
 * or 429 status or a throttling name; HTTP clients' by a 5xx or 429 `statusCode`; Node's by a network code.
 */
export function isTransientError(error: unknown): boolean {
  if (error instanceof SluiceError) return error.transient;
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { name?: string; code?: string; statusCode?: number; $retryable?: unknown; $metadata?: { httpStatusCode?: number }; cause?: unknown; data?: { statusCode?: number } };
  const status = e.$metadata?.httpStatusCode ?? e.statusCode ?? e.data?.statusCode;
  if (e.$retryable || (status !== undefined && (status >= 500 || status === 429))) return true;
  if (e.name && /Throttl|TooManyRequests|RequestLimitExceeded|ProvisionedThroughputExceeded|TransactionConflict/.test(e.name)) return true;
  if (e.code && networkCodes.has(e.code)) return true;
  return e.cause !== undefined && e.cause !== error && isTransientError(e.cause);
}
