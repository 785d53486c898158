import type { Server } from 'node:http';
import type { RequestTracker } from '../server/request-tracker.js';
import { withTimeout } from './with-timeout.js';

/** How often draining closes connections that have gone idle. */
const IDLE_SWEEP_MS = 25;

/**
 * Stops accepting connections (the listening socket closes at once, so new
 * connections are refused) and returns a promise that settles when every open
 * connection has ended.
 */
export function stopAccepting(server: Server, tracker: RequestTracker): Promise<void> {
  tracker.startDraining();
  return new Promise((resolve) => {
    // An error here only means the server was not listening: nothing to wait for.
    server.close(() => resolve());
  });
}

/**
 * Waits for in-flight requests to finish, closing keep-alive connections as
 * soon as they go idle. After `timeoutMs` it closes every connection and fails.
 */
export async function drainConnections(
  server: Server,
  closed: Promise<void>,
  tracker: RequestTracker,
  timeoutMs: number,
): Promise<void> {
  server.closeIdleConnections();
  const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
  try {
    await withTimeout(closed, timeoutMs, 'draining requests');
  } catch {
    const abandoned = tracker.inFlight;
    server.closeAllConnections();
    throw new Error(
      `${abandoned} requests still in flight after ${timeoutMs}ms; connections closed`,
    );
  } finally {
    clearInterval(sweep);
  }
}
