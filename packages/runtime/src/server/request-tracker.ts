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
  /**
   * Gives up on the requests still in flight: those that have sent nothing
   * yet are answered 503 with `Retry-After`, the others are cut off. Returns
   * how many there were.
   */
  abandon(): number;
  /** Whether `res` belonged to a request given up on at shutdown. */
  isAbandoned(res: ServerResponse): boolean;
}

/** What a request still running at the end of the drain gets, when it has sent nothing yet. */
const ABANDONED_BODY = 'service shutting down; retry\n';

export function createRequestTracker(): RequestTracker {
  const open = new Set<ServerResponse>();
  const abandoned = new WeakSet<ServerResponse>();
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
    abandon() {
      const count = open.size;
      for (const res of open) {
        abandoned.add(res);
        if (res.headersSent) res.destroy();
        else {
          res.writeHead(503, {
            'content-type': 'text/plain; charset=utf-8',
            connection: 'close',
            'retry-after': '1',
          });
          res.end(ABANDONED_BODY);
        }
      }
      return count;
    },
    isAbandoned: (res) => abandoned.has(res),
  };
}
