import type { Server } from 'node:http';
import { Server as NetServer } from 'node:net';
import type { RequestTracker } from '../server/request-tracker.js';
import { withTimeout } from './with-timeout.js';

/** How long the 503s of abandoned requests get to be written before every connection closes. */
const ABANDON_GRACE_MS = 50;

/** How often draining closes connections that have gone idle. */
const IDLE_SWEEP_MS = 25;

/**
 * After SIGTERM, how long idle keep-alive connections stay open: a request a
 * client sends on one meanwhile is served (with `Connection: close`) instead
 * of racing the close and getting a reset.
 */
export const IDLE_CLOSE_WINDOW_MS = 1000;

/**
 * Stops accepting connections (the listening socket closes at once, so new
 * connections are refused) and returns a promise that settles when every open
 * connection has ended. Unlike `http.Server.close()`, idle keep-alive
 * connections are left open: {@link drainConnections} closes them after
 * {@link IDLE_CLOSE_WINDOW_MS}.
 */
export function stopAccepting(server: Server, tracker: RequestTracker): Promise<void> {
  tracker.startDraining();
  return new Promise((resolve) => {
    // An error here only means the server was not listening: nothing to wait for.
    NetServer.prototype.close.call(server, () => resolve());
  });
}

/**
 * Waits for in-flight requests to finish; every response meanwhile carries
 * `Connection: close`. Idle keep-alive connections are closed after
 * `idleWindowMs`, and then as soon as they go idle. After `timeoutMs` the
 * requests still running are abandoned (503 when they have sent nothing),
 * every connection is closed, and the drain fails.
 */
export async function drainConnections(
  server: Server,
  closed: Promise<void>,
  tracker: RequestTracker,
  timeoutMs: number,
  idleWindowMs: number = IDLE_CLOSE_WINDOW_MS,
): Promise<void> {
  let sweep: NodeJS.Timeout | undefined;
  const window = setTimeout(
    () => {
      server.closeIdleConnections();
      sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
    },
    Math.min(idleWindowMs, timeoutMs),
  );
  try {
    await withTimeout(closed, timeoutMs, 'draining requests');
  } catch {
    const abandoned = tracker.abandon();
    // The 503s close their connections once written; give them a moment.
    await withTimeout(closed, ABANDON_GRACE_MS, 'closing').catch(() => undefined);
    server.closeAllConnections();
    throw new Error(
      `${abandoned} requests still in flight after ${timeoutMs}ms: answered 503 (or cut off when already answering); connections closed`,
    );
  } finally {
    clearTimeout(window);
    clearInterval(sweep);
  }
}
