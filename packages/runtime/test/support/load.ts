import http from 'node:http';

/** One request of a load run: when it was sent and how it ended. */
export interface LoadResult {
  readonly path: string;
  /** `performance.now()` when the request was sent. */
  readonly sentAt: number;
  readonly durationMs: number;
  readonly status?: number;
  readonly error?: string;
}

export interface LoadOptions {
  readonly url: string;
  /** Paths the clients cycle through. */
  readonly paths: readonly string[];
  /** Concurrent keep-alive clients. */
  readonly clients: number;
  /** Stop after this many requests in all. */
  readonly maxRequests: number;
  /** Stop after this long in all. */
  readonly maxDurationMs: number;
}

/**
 * Bounded load on 127.0.0.1: `clients` loops of keep-alive requests, each
 * loop ending at its first connection error (the server stopped accepting),
 * and all ending at `maxRequests` or `maxDurationMs`.
 */
export interface LoadRun {
  readonly results: LoadResult[];
  /** Resolves once every loop ended. */
  readonly done: Promise<void>;
  /** Resolves when `count` requests have completed. */
  completed(count: number): Promise<void>;
}

export function startLoad(options: LoadOptions): LoadRun {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.clients });
  const results: LoadResult[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const stopAt = performance.now() + options.maxDurationMs;
  let sent = 0;

  const once = (path: string): Promise<LoadResult> => {
    const sentAt = performance.now();
    return new Promise((resolve) => {
      const done = (outcome: { status?: number; error?: string }): void =>
        resolve({ path, sentAt, durationMs: performance.now() - sentAt, ...outcome });
      http
        .get(`${options.url}${path}`, { agent }, (res) => {
          res.resume();
          res.on('end', () => done({ status: res.statusCode ?? 0 }));
          res.on('error', (error) => done({ error: error.message }));
        })
        .on('error', (error: NodeJS.ErrnoException) =>
          done({ error: error.code ?? error.message }),
        );
    });
  };

  const loop = async (index: number): Promise<void> => {
    for (let i = index; ; i += options.clients) {
      if (sent >= options.maxRequests || performance.now() > stopAt) return;
      sent++;
      const result = await once(options.paths[i % options.paths.length] ?? '/');
      results.push(result);
      for (const waiter of waiters.filter((w) => results.length >= w.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
      if (result.error === 'ECONNREFUSED') return;
    }
  };
  const done = Promise.all(Array.from({ length: options.clients }, (_, i) => loop(i))).then(() => {
    agent.destroy();
    for (const waiter of waiters) waiter.resolve();
  });
  return {
    results,
    done,
    completed: (count) =>
      results.length >= count
        ? Promise.resolve()
        : new Promise((resolve) => waiters.push({ count, resolve })),
  };
}
