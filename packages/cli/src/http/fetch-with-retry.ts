/** How a client retries: injectable `fetch`, attempts and the first backoff. */
export interface RetryOptions {
  readonly fetch?: typeof fetch;
  /** Attempts per request when the network fails or the API is busy (429, 5xx); default 4. */
  readonly attempts?: number;
  /** Wait before the first retry, doubled for each next one; default 500 ms. */
  readonly retryDelayMs?: number;
}

export interface RetriedRequest extends RequestInit {
  readonly method: string;
  /**
   * Whether sending the request twice does no harm. Defaults to true except
   * for POST; a POST with a request ID the server deduplicates by is idempotent.
   */
  readonly idempotent?: boolean;
}

/**
 * `fetch` with retries and exponential backoff: a network failure, 429 or 5xx
 * is retried. A request that is not idempotent is retried only when the
 * server cannot have acted on it: a refused connection, 429 or 503. When every
 * attempt failed on the network, `unreachable(attempts, cause)` is thrown; an
 * HTTP answer, even an error, is returned for the caller to explain.
 */
export async function fetchWithRetry(
  options: RetryOptions,
  url: string,
  init: RetriedRequest,
  unreachable: (attempts: number, cause: unknown) => Error,
): Promise<Response> {
  const attempts = Math.max(1, options.attempts ?? 4);
  const { idempotent = init.method !== 'POST', ...request } = init;
  for (let attempt = 1; ; attempt++) {
    let response: Response | undefined;
    let failure: unknown;
    try {
      response = await (options.fetch ?? fetch)(url, request);
    } catch (error) {
      failure = error;
    }
    const retryable =
      response === undefined
        ? idempotent || refused(failure)
        : response.status === 429 ||
          response.status === 503 ||
          (idempotent && response.status >= 500);
    if (!retryable || attempt >= attempts) {
      if (response !== undefined) return response;
      throw unreachable(attempt, failure);
    }
    await response?.body?.cancel();
    const delay = (options.retryDelayMs ?? 500) * 2 ** (attempt - 1);
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

/** A connection the server refused: nothing was sent, so even a POST may be retried. */
function refused(error: unknown): boolean {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  return cause?.code === 'ECONNREFUSED';
}
