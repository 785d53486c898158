import type { ServerResponse } from 'node:http';

/**
 * Counts requests in flight so shutdown can wait for them, and asks clients to
 * close their keep-alive connections once draining starts.
 */
export interface RequestTracker {
  /** Called for every request as it arrives. */
  track(res: ServerResponse): void;
  readonly inFlight: number;
  readonly draining: boolean;
  /** From now on every response closes its connection when done. */
  startDraining(): void;
}

export function createRequestTracker(): RequestTracker {
  const open = new Set<ServerResponse>();
  let draining = false;
  return {
    track(res) {
      open.add(res);
      res.once('close', () => open.delete(res));
      if (draining) res.setHeader('connection', 'close');
    },
    get inFlight() {
      return open.size;
    },
    get draining() {
      return draining;
    },
    startDraining() {
      draining = true;
      for (const res of open) if (!res.headersSent) res.setHeader('connection', 'close');
    },
  };
}
