import http, { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { DiagnosticsHandler } from '../diagnostics/diagnostics-handler.js';
import type { Logger } from '../logging/logger.js';
import type { HttpHandler } from './http-handler.js';
import { createRequestTracker, type RequestTracker } from './request-tracker.js';

export interface ServerParts {
  readonly server: Server;
  readonly tracker: RequestTracker;
}

function notFound(_req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('not found\n');
}

/**
 * The service's HTTP server: diagnostics first, then the service's handler.
 * A handler that throws or rejects gets a 500 and an error log rather than
 * crashing the process.
 */
export function createServer(
  diagnostics: DiagnosticsHandler,
  handler: HttpHandler = notFound,
  logger: Logger,
): ServerParts {
  const tracker = createRequestTracker();
  const fail = (res: ServerResponse, error: unknown): void => {
    // A request given up on at shutdown fails afterwards for a known reason
    // (its clients are closing): not an application error.
    if (tracker.isAbandoned(res)) {
      logger.warn('request abandoned at shutdown failed afterwards', { error });
      return;
    }
    logger.error('request handler failed', { error });
    if (res.headersSent) res.destroy();
    else {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('internal server error\n');
    }
  };
  const server = http.createServer((req, res) => {
    tracker.track(res);
    if (diagnostics(req, res)) return;
    try {
      const result = handler(req, res);
      if (result instanceof Promise) result.catch((error: unknown) => fail(res, error));
    } catch (error) {
      fail(res, error);
    }
  });
  return { server, tracker };
}

/** Listens on `port` (0 for any free one) and resolves with the bound port. */
export function listen(server: Server, port: number, host: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    });
  });
}
