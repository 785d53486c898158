import type { StructuredLogger } from '../telemetry/runtime-types.js';
import type { SentryClient } from './sentry-client.js';

/** Records kept while the client loads; beyond this they are counted and dropped. */
export const PENDING_LIMIT = 100;

/** A Sentry client that is still loading: work queues until it is ready. */
export interface DeferredClient {
  /** Runs `work` now if the client is ready, else once it is (bounded queue). */
  run(work: (client: SentryClient) => void): void;
  /** The client once loaded (undefined if loading failed), waiting at most `timeoutMs`. */
  ready(timeoutMs: number): Promise<SentryClient | undefined>;
}

/** How long the client waits before loading when nothing asks for it sooner. */
export const LOAD_DELAY_MS = 1_000;

export interface DeferredOptions {
  /** Captures kept while loading (default {@link PENDING_LIMIT}). */
  readonly limit?: number;
  /** Load after this long even if nothing needs the client (default {@link LOAD_DELAY_MS}). */
  readonly delayMs?: number;
}

/**
 * Hands out a client that queues work until `load()` resolves, keeping the
 * load (tens of milliseconds of module evaluation, which would block the
 * event loop wherever it ran) off the service's start-up path: it starts
 * after `delayMs`, or as soon as something is captured or flushed. At most
 * `limit` captures wait; later ones are dropped, and the count is logged
 * once the client is ready. A failed load is logged and drops the queue.
 */
export function deferredClient(
  load: () => Promise<SentryClient>,
  logger: StructuredLogger,
  options: DeferredOptions = {},
): DeferredClient {
  const limit = options.limit ?? PENDING_LIMIT;
  let client: SentryClient | undefined;
  let pending: ((client: SentryClient) => void)[] = [];
  let dropped = 0;
  const loadNow = (): Promise<SentryClient | undefined> =>
    load().then(
      (ready) => {
        client = ready;
        for (const work of pending) work(ready);
        pending = [];
        if (dropped > 0)
          logger.warn('Sentry dropped records captured while it was loading', { dropped, limit });
        return ready;
      },
      (error: unknown) => {
        logger.warn('Sentry failed to load; errors are not reported', {
          error: error instanceof Error ? error.message : String(error),
          dropped: pending.length + dropped,
        });
        pending = [];
        return undefined;
      },
    );
  let loaded: Promise<SentryClient | undefined> | undefined;
  const timer = setTimeout(() => void startLoading(), options.delayMs ?? LOAD_DELAY_MS);
  timer.unref();
  function startLoading(): Promise<SentryClient | undefined> {
    clearTimeout(timer);
    loaded ??= loadNow();
    return loaded;
  }
  return {
    run(work) {
      if (client !== undefined) work(client);
      else if (pending.length < limit) pending.push(work);
      else dropped++;
      if (client === undefined) void startLoading();
    },
    async ready(timeoutMs) {
      if (client !== undefined) return client;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), timeoutMs);
      });
      try {
        return await Promise.race([startLoading(), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
