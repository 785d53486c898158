import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { activeTraceId, recordingTrail, type BreadcrumbTrail } from './breadcrumbs.js';

/*
 * Breadcrumbs for outgoing HTTP requests, from Node's diagnostics channels:
 * `node:http` (`http.client.*`) and `fetch()` (undici's `undici:request:*`).
 * The request is noted when it starts, in the caller's context (its trace,
 * and whether tracing is suppressed there, as for exporter and Sentry
 * uploads), and the breadcrumb is added when the response headers arrive or
 * the request fails. The URL is recorded without its query string.
 */

interface Started {
  readonly trail: BreadcrumbTrail;
  readonly traceId: string | undefined;
  readonly method: string;
  readonly url: string;
}

const started = new WeakMap<object, Started>();

function finish(request: object, data: Record<string, string | number>, failed: boolean): void {
  const noted = started.get(request);
  if (noted === undefined) return;
  started.delete(request);
  noted.trail.add(
    {
      category: 'http',
      type: 'http',
      ...(failed ? { level: 'error' as const } : {}),
      data: { method: noted.method, url: noted.url, ...data },
    },
    noted.traceId,
  );
}

function withoutQuery(url: string): string {
  const at = url.search(/[?#]/);
  return at === -1 ? url : url.slice(0, at);
}

const handlers: Record<string, (message: unknown) => void> = {
  'http.client.request.start': (message) => {
    const { request } = message as { request: ClientRequest };
    const trail = recordingTrail();
    if (trail === undefined) return;
    const host = request.getHeader('host') ?? request.host;
    started.set(request, {
      trail,
      traceId: activeTraceId(),
      method: request.method,
      url: withoutQuery(`${request.protocol}//${String(host)}${request.path}`),
    });
  },
  'http.client.response.finish': (message) => {
    const { request, response } = message as { request: ClientRequest; response: IncomingMessage };
    finish(request, { status_code: response.statusCode ?? 0 }, (response.statusCode ?? 0) >= 500);
  },
  'http.client.request.error': (message) => {
    const { request, error } = message as { request: ClientRequest; error: Error };
    finish(request, { error: error.message }, true);
  },
  'undici:request:create': (message) => {
    const { request } = message as { request: { origin: string; method: string; path: string } };
    const trail = recordingTrail();
    if (trail === undefined) return;
    started.set(request, {
      trail,
      traceId: activeTraceId(),
      method: request.method,
      url: withoutQuery(`${request.origin}${request.path}`),
    });
  },
  'undici:request:headers': (message) => {
    const { request, response } = message as { request: object; response: { statusCode: number } };
    finish(request, { status_code: response.statusCode }, response.statusCode >= 500);
  },
  'undici:request:error': (message) => {
    const { request, error } = message as { request: object; error: Error };
    finish(request, { error: error.message }, true);
  },
};

/** Subscribes to the channels; returns the function unsubscribing. */
export function recordHttpBreadcrumbs(): () => void {
  for (const [name, handler] of Object.entries(handlers)) subscribe(name, handler);
  return () => {
    for (const [name, handler] of Object.entries(handlers)) unsubscribe(name, handler);
  };
}
