import type { IncomingMessage, ServerResponse } from 'node:http';
import { setHttpRoute, type HttpHandler, type Logger } from '@msp/runtime';
import { HttpError, sendJson } from './json.js';

export type RouteHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  params: Readonly<Record<string, string>>,
) => void | Promise<void>;

export interface Route {
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** A path such as `/items/:id`; `:name` segments become params. */
  readonly path: string;
  readonly handle: RouteHandler;
}

interface CompiledRoute extends Route {
  readonly pattern: RegExp;
  readonly names: readonly string[];
}

function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  const source = route.path
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(segment.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { ...route, pattern: new RegExp(`^${source}$`), names };
}

/**
 * A handler serving `routes`: 404 for unknown paths, 405 for a known path
 * with another method, the status of an {@link HttpError}, and 500 (logged)
 * for anything else thrown.
 */
export function createRouter(routes: readonly Route[], logger: Logger): HttpHandler {
  const compiled = routes.map(compile);
  return async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    let pathMatched = false;
    for (const route of compiled) {
      const match = route.pattern.exec(path);
      if (match === null) continue;
      pathMatched = true;
      if (route.method !== req.method) continue;
      // The request's server span is then named `GET /items/:id`.
      setHttpRoute(route.path);
      const params = Object.fromEntries(
        route.names.map((name, i) => [name, decodeURIComponent(match[i + 1] ?? '')]),
      );
      try {
        await route.handle(req, res, params);
      } catch (error) {
        if (error instanceof HttpError) {
          sendJson(res, error.status, { error: error.message });
          return;
        }
        logger.error('request failed', { error, method: req.method, path });
        if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
        else res.destroy();
      }
      return;
    }
    if (pathMatched) sendJson(res, 405, { error: `${req.method ?? ''} is not allowed here` });
    else sendJson(res, 404, { error: `no route for ${path}` });
  };
}
