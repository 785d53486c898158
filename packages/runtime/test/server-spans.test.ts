import { createServer, request, type Server } from 'node:http';
import {
  SpanKind,
  context,
  propagation,
  trace,
  type Span,
  type SpanContext,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator, isTracingSuppressed } from '@opentelemetry/core';
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import { setHttpRoute } from '../src/telemetry/http-route.js';
import { traceServerRequests } from '../src/telemetry/server-spans.js';

const spans = new InMemorySpanExporter();
const metrics = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
const reader = new PeriodicExportingMetricReader({
  exporter: metrics,
  exportIntervalMillis: 60_000,
});
const tracerProvider = new TracerProvider({
  spanProcessors: [new SimpleSpanProcessor({ exporter: spans })],
});
const meterProvider = new MeterProvider({ readers: [reader] });

/** What the handler and the listeners it added saw as the active context. */
interface Seen {
  handler?: SpanContext | undefined;
  requestEnd?: SpanContext | undefined;
  responseFinish?: SpanContext | undefined;
  suppressed?: boolean;
}

let server: Server;
let port = 0;
let seen: Seen = {};
let untrace: () => void;
const active = (): SpanContext | undefined => trace.getActiveSpan()?.spanContext();

beforeAll(async () => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  untrace = traceServerRequests([createServer().constructor as { prototype: Server }], {
    tracerProvider,
    meterProvider,
    ignore: (req) => req.url?.startsWith('/-/') === true,
  });
  server = createServer((req, res) => {
    seen.handler = active();
    seen.suppressed = isTracingSuppressed(context.active());
    // What a router does once it has matched the request.
    if (req.url?.startsWith('/routed/') === true) setHttpRoute('/routed/:id');
    res.on('finish', () => (seen.responseFinish = active()));
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    // A listener that runs later, from the socket, not from the handler.
    req.on('end', () => {
      seen.requestEnd = active();
      if (req.url === '/broken') {
        res.on('error', () => undefined);
        res.emit('error', new Error('socket broke'));
      }
      res.statusCode = req.url === '/fail' ? 503 : 200;
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(async () => {
  untrace();
  await new Promise((resolve) => server.close(resolve));
  context.disable();
  propagation.disable();
  await Promise.all([tracerProvider.shutdown(), meterProvider.shutdown()]);
});
beforeEach(() => {
  seen = {};
  spans.reset();
});

function send(path: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers }, (res) => {
      res.resume().on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    // The body arrives after the handler has returned.
    setTimeout(() => req.end('payload'), 20);
  });
}

const finished = (): Span[] => spans.getFinishedSpans() as unknown as Span[];

describe('server spans', () => {
  it('parents the span on the traceparent and runs later listeners in its context', async () => {
    const traceId = '0af7651916cd43dd8448eb211c80319c';
    expect(await send('/items?x=1', { traceparent: `00-${traceId}-b7ad6b7169203331-01` })).toBe(
      200,
    );
    const [span] = spans.getFinishedSpans();
    expect(span).toMatchObject({ name: 'POST', kind: SpanKind.SERVER });
    expect(span?.spanContext().traceId).toBe(traceId);
    expect(span?.parentSpanContext?.spanId).toBe('b7ad6b7169203331');
    expect(span?.attributes).toMatchObject({
      'http.request.method': 'POST',
      'url.path': '/items',
      'url.scheme': 'http',
      'http.response.status_code': 200,
    });
    const spanId = span?.spanContext().spanId;
    expect(seen.handler?.spanId).toBe(spanId);
    expect(seen.requestEnd?.spanId).toBe(spanId);
    expect(seen.responseFinish?.spanId).toBe(spanId);
    expect(seen.suppressed).toBe(false);
  });

  it('names the span after the route template the handler reports, and adds http.route to it and its metric', async () => {
    expect(await send('/routed/42')).toBe(200);
    const [span] = spans.getFinishedSpans();
    expect(span?.name).toBe('POST /routed/:id');
    expect(span?.attributes).toMatchObject({
      'http.route': '/routed/:id',
      'url.path': '/routed/42',
    });
    const { resourceMetrics } = await reader.collect();
    const routes = resourceMetrics.scopeMetrics
      .flatMap((s) => s.metrics)
      .find((m) => m.descriptor.name === 'http.server.request.duration')
      ?.dataPoints.map((p) => p.attributes['http.route']);
    expect(routes).toContain('/routed/:id');
  });

  it('does nothing when the route is set outside a traced request', () => {
    expect(() => setHttpRoute('/nowhere')).not.toThrow();
  });

  it('records an error the response emits and marks the span as failed', async () => {
    expect(await send('/broken')).toBe(200);
    const [span] = spans.getFinishedSpans();
    expect(span?.status).toEqual({ code: 2, message: 'socket broke' });
    expect(span?.events.map((e) => e.name)).toEqual(['exception']);
  });

  it('marks 5xx responses as errors and records the duration histogram', async () => {
    expect(await send('/fail')).toBe(503);
    const [span] = spans.getFinishedSpans();
    expect(span?.status.code).toBe(2);
    const { resourceMetrics, errors } = await reader.collect();
    expect(errors).toEqual([]);
    const histogram = resourceMetrics.scopeMetrics
      .flatMap((s) => s.metrics)
      .find((m) => m.descriptor.name === 'http.server.request.duration');
    const points = histogram?.dataPoints.map((p) => p.attributes['http.response.status_code']);
    expect(points).toEqual(expect.arrayContaining([503]));
  });

  it('traces nothing for ignored paths, in the handler or its listeners', async () => {
    expect(await send('/-/healthz')).toBe(200);
    expect(finished()).toEqual([]);
    expect(seen.handler).toBeUndefined();
    expect(seen.requestEnd).toBeUndefined();
    expect(seen.suppressed).toBe(true);
  });
});
