import type { Closer } from '../lifecycle.js';

/**
 * Closes `closers` concurrently, each within `timeoutMs` of its own: a closer
 * that hangs (a Redis that stopped answering) is abandoned at its deadline,
 * with its signal aborted, while the others finish. Rejects naming every
 * closer that failed or overran, and why.
 */
export async function closeConcurrently(
  closers: readonly Closer[],
  timeoutMs: number,
): Promise<void> {
  const results = await Promise.all(closers.map((closer) => closeOne(closer, timeoutMs)));
  const failures = results.filter((failure) => failure !== undefined);
  if (failures.length > 0) throw new Error(failures.join('; '));
}

/** Resolves undefined when `closer` closed in time, else with what went wrong. */
async function closeOne(closer: Closer, timeoutMs: number): Promise<string | undefined> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const overran = new Promise<string>((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new Error(`closing ${closer.name} timed out`));
      resolve(`${closer.name}: not closed within ${Math.round(timeoutMs)}ms`);
    }, timeoutMs);
  });
  const closed = Promise.resolve()
    .then(() => closer.close(controller.signal))
    .then(
      () => undefined,
      (error: unknown) =>
        `${closer.name}: ${error instanceof Error ? error.message : String(error)}`,
    );
  try {
    return await Promise.race([closed, overran]);
  } finally {
    clearTimeout(timer);
  }
}

/** Splits closers into the clients' and the ones that run last (telemetry, error reporting). */
export function closerStages(closers: readonly Closer[]): {
  clients: Closer[];
  last: Closer[];
} {
  return {
    clients: closers.filter((closer) => closer.last !== true),
    last: closers.filter((closer) => closer.last === true),
  };
}
