import { errorMonitor, type EventEmitter } from 'node:events';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  context,
  propagation,
  trace,
  type Attributes,
  type Context,
  type Histogram,
  type MeterProvider,
  type TracerProvider,
} from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import { ROUTE_KEY, type RouteHolder } from './http-route.js';

/** HTTP methods kept as they are in span names and metrics; others become `_OTHER`. */
const KNOWN_METHODS = new Set([
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'DELETE',
  'CONNECT',
  'OPTIONS',
  'TRACE',
  'PATCH',
]);

/** `http.server.request.duration` buckets (seconds), as the semantic conventions advise. */
const DURATION_BUCKETS = [
  0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10,
];

/** `emit` without its overloads, as the wrapper sees it. */
type Emit = (this: Server, event: string | symbol, ...args: unknown[]) => boolean;

export interface ServerSpanOptions {
  readonly tracerProvider: TracerProvider;
  readonly meterProvider: MeterProvider;
  /** Requests that get no span and whose work is not traced (platform probes). */
  readonly ignore: (request: IncomingMessage) => boolean;
}

/**
 * A SERVER span per incoming request on every `http.Server` and
 * `https.Server` (their `emit('request')` is wrapped), the request's W3C
 * trace context as parent, and the `http.server.request.duration` histogram.
 * Leaner than `@opentelemetry/instrumentation-http`'s incoming side: span
 * attributes are built only for sampled spans, and there are six of them
 * (method, scheme, path, protocol, user agent, status), which also keeps
 * export encoding short. Returns the function that restores `emit`.
 */
export function traceServerRequests(
  servers: readonly { prototype: Server }[],
  options: ServerSpanOptions,
): () => void {
  const tracer = options.tracerProvider.getTracer('msp-runtime-http-server');
  const duration = options.meterProvider
    .getMeter('msp-runtime-http-server')
    .createHistogram('http.server.request.duration', {
      unit: 's',
      description: 'Duration of HTTP server requests.',
      advice: { explicitBucketBoundaries: DURATION_BUCKETS },
    });
  const restores = servers.map(({ prototype }) => {
    const own = Object.prototype.hasOwnProperty.call(prototype, 'emit');
    const original = prototype.emit as Emit;
    prototype.emit = tracedEmit(original, tracer, duration, options.ignore) as Server['emit'];
    return () => {
      if (own) prototype.emit = original;
      else delete (prototype as Partial<Server>).emit;
    };
  });
  return () => {
    for (const restore of restores) restore();
  };
}

function tracedEmit(
  original: Emit,
  tracer: ReturnType<TracerProvider['getTracer']>,
  duration: Histogram,
  ignore: (request: IncomingMessage) => boolean,
): Emit {
  return function emit(this: Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event !== 'request') return original.call(this, event, ...args);
    const request = args[0] as IncomingMessage;
    const response = args[1] as ServerResponse;
    if (ignore(request)) {
      const suppressed = suppressTracing(context.active());
      emitIn(suppressed, request);
      emitIn(suppressed, response);
      return context.with(suppressed, () => original.call(this, event, ...args));
    }
    const started = performance.now();
    const method = KNOWN_METHODS.has(request.method ?? '') ? (request.method as string) : '_OTHER';
    const parent = propagation.extract(ROOT_CONTEXT, request.headers);
    const span = tracer.startSpan(method, { kind: SpanKind.SERVER }, parent);
    const scheme = isTls(request) ? 'https' : 'http';
    if (span.isRecording()) span.setAttributes(requestAttributes(request, method, scheme));
    const holder: RouteHolder = { method, route: undefined };
    let ended = false;
    const end = (error: Error | undefined): void => {
      if (ended) return;
      ended = true;
      const status = response.statusCode;
      if (error !== undefined) {
        span.recordException(error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
      } else if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.setAttribute('http.response.status_code', status);
      span.end();
      const metric: Attributes = {
        ...(holder.route === undefined ? {} : { 'http.route': holder.route }),
        'http.request.method': method,
        'url.scheme': scheme,
        'http.response.status_code': status,
        'network.protocol.version': request.httpVersion,
      };
      if (error !== undefined) metric['error.type'] = error.name;
      else if (status >= 500) metric['error.type'] = String(status);
      duration.record((performance.now() - started) / 1_000, metric);
    };
    response.once('close', () => end(undefined));
    response.once(errorMonitor, (error: Error) => end(error));
    const active = trace.setSpan(parent, span).setValue(ROUTE_KEY, holder);
    // Listeners added later (request 'data'/'end', response 'finish') run in the request's context.
    emitIn(active, request);
    emitIn(active, response);
    return context.with(active, () => {
      try {
        return original.call(this, event, ...args);
      } catch (error) {
        end(error instanceof Error ? error : new Error(String(error)));
        throw error;
      }
    });
  };
}

/**
 * Makes every listener of `emitter` run in `ctx`, by wrapping the instance's
 * `emit`: one closure per emitter, where `context.bind(ctx, emitter)` patches
 * six methods and wraps each listener as it is added.
 */
function emitIn(ctx: Context, emitter: EventEmitter): void {
  const emit = emitter.emit;
  emitter.emit = function emitInContext(this: EventEmitter, ...args: Parameters<typeof emit>) {
    return context.with(ctx, emit, this, ...args);
  };
}

function isTls(request: IncomingMessage): boolean {
  return (request.socket as { encrypted?: boolean }).encrypted === true;
}

function requestAttributes(request: IncomingMessage, method: string, scheme: string): Attributes {
  const url = request.url ?? '/';
  const query = url.indexOf('?');
  const attributes: Attributes = {
    'http.request.method': method,
    'url.scheme': scheme,
    'url.path': query === -1 ? url : url.slice(0, query),
    'network.protocol.version': request.httpVersion,
  };
  if (method === '_OTHER' && request.method !== undefined)
    attributes['http.request.method_original'] = request.method;
  const userAgent = request.headers['user-agent'];
  if (userAgent !== undefined) attributes['user_agent.original'] = userAgent;
  return attributes;
}
