import { request } from 'node:http';
import { startFixture } from './telemetry-support/fixture-process.js';
import { fakeTokenExchange } from './telemetry-support/fake-token-exchange.js';
import {
  SPAN_KIND,
  otlpReceiver,
  receivedSpans,
  type OtlpReceiver,
  type TraceExport,
} from '../src/testing/otlp.js';
import { tracedDataEnv } from './telemetry-support/otlp-traces.js';
import { closedPort, requireServer } from './telemetry-support/servers.js';

interface MetricExport {
  resourceMetrics: { scopeMetrics: { metrics: { name: string }[] }[] }[];
}

const { SERVER, CLIENT } = SPAN_KIND;
const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const PARENT_ID = 'b7ad6b7169203331';

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, headers }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve(body));
    })
      .on('error', reject)
      .end();
  });
}

describe('telemetry export from a real process', () => {
  let receiver: OtlpReceiver;
  beforeAll(async () => {
    await Promise.all([requireServer('PostgreSQL'), requireServer('Redis')]);
  });
  beforeEach(async () => {
    receiver = await otlpReceiver();
  });
  afterEach(() => receiver.close());

  it('exports the spans and metrics of a request, with pg and ioredis child spans, at shutdown', async () => {
    const fixture = await startFixture('traced-service.mjs', {
      ...tracedDataEnv(),
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      FIXTURE_DOWNSTREAM: receiver.endpoint,
      // Sentry on as well: it must not take over the tracer provider.
      SENTRY_DSN: `http://key@${receiver.endpoint.slice('http://'.length)}/1`,
    });
    expect(await get(fixture.port, '/-/healthz')).toBe('healthz: ok');
    const traceparent = `00-${TRACE_ID}-${PARENT_ID}-01`;
    expect(await get(fixture.port, '/work', { traceparent })).toBe('42 PONG');
    // Only the downstream calls so far: telemetry waits for the shutdown flush.
    const downstream = receiver.requests.filter((r) => r.path.startsWith('/downstream'));
    expect(receiver.requests).toEqual(downstream);
    expect(downstream.map((r) => [r.path, String(r.headers['traceparent']).split('-')[1]])).toEqual(
      [
        ['/downstream-fetch', TRACE_ID],
        ['/downstream-http', TRACE_ID],
      ],
    );

    expect(await fixture.stop()).toBe(0);
    expect(fixture.output()).toContain('stopped');
    // Logs written inside the request carry its trace.
    expect(fixture.output()).toMatch(
      new RegExp(
        `log-fields \\{"trace_id":"${TRACE_ID}","span_id":"[0-9a-f]{16}","trace_sampled":true\\}`,
      ),
    );

    const exports = receiver.json('traces') as TraceExport[];
    const spans = receivedSpans(receiver);
    const server = spans.find((s) => s.kind === SERVER);
    expect(server).toMatchObject({ name: 'GET', traceId: TRACE_ID, parentSpanId: PARENT_ID });
    expect(server?.attributes).toEqual(
      expect.arrayContaining([
        { key: 'http.request.method', value: { stringValue: 'GET' } },
        { key: 'url.scheme', value: { stringValue: 'http' } },
        { key: 'url.path', value: { stringValue: '/work' } },
        { key: 'http.response.status_code', value: { intValue: 200 } },
      ]),
    );
    const children = spans
      .filter((s) => s.parentSpanId === server?.spanId)
      .map((s) => [s.name, s.kind]);
    expect(children).toEqual(
      expect.arrayContaining([
        ['SELECT test', CLIENT],
        ['PING', CLIENT],
        ['GET', CLIENT],
      ]),
    );
    // One outgoing span per downstream call: fetch (undici) and node:http.
    expect(children.filter(([name, kind]) => name === 'GET' && kind === CLIENT)).toHaveLength(2);
    // Health probes are not traced: the only server span is the request's.
    expect(spans.filter((s) => s.kind === SERVER)).toHaveLength(1);
    const resource = exports[0]?.resourceSpans[0]?.resource.attributes ?? [];
    expect(resource).toEqual(
      expect.arrayContaining([
        { key: 'service.name', value: { stringValue: 'traced-fixture' } },
        { key: 'service.version', value: { stringValue: '1.2.3' } },
      ]),
    );

    const metricNames = (receiver.json('metrics') as MetricExport[]).flatMap((e) =>
      e.resourceMetrics.flatMap((r) => r.scopeMetrics.flatMap((s) => s.metrics.map((m) => m.name))),
    );
    expect(metricNames).toEqual(expect.arrayContaining([expect.stringMatching(/^http\.server\./)]));
  }, 30_000);

  it('on Google Cloud exports protobuf OTLP with a fresh ADC token per export', async () => {
    const sts = await fakeTokenExchange();
    try {
      const fixture = await startFixture('traced-service.mjs', {
        ...tracedDataEnv(),
        MSP: 'true',
        GOOGLE_CLOUD_PROJECT: 'msp-fixture-project',
        // On msp the default samples 10 % of new traces; this test needs every one.
        OTEL_TRACES_SAMPLER: 'parentbased_always_on',
        FIXTURE_GCP_ENDPOINT: receiver.endpoint,
        GOOGLE_APPLICATION_CREDENTIALS: sts.credentialsFile,
        // No metadata server here: the GCP resource detector must not look for one.
        METADATA_SERVER_DETECTION: 'none',
      });
      expect(await get(fixture.port, '/work')).toBe('42 PONG');
      expect(await get(fixture.port, '/flush')).toBe('flushed');
      expect(await get(fixture.port, '/work')).toBe('42 PONG');
      expect(await fixture.stop()).toBe(0);
      expect(fixture.output()).toMatch(
        /log-fields \{"logging.googleapis.com\/trace":"projects\/msp-fixture-project\/traces\/[0-9a-f]{32}","logging.googleapis.com\/spanId":"[0-9a-f]{16}","logging.googleapis.com\/trace_sampled":true\}/,
      );

      const exports = receiver.requests.filter((r) => r.path.startsWith('/v1/'));
      expect(new Set(exports.map((r) => r.path))).toEqual(new Set(['/v1/metrics', '/v1/traces']));
      expect(new Set(exports.map((r) => r.headers['content-type']))).toEqual(
        new Set(['application/x-protobuf']),
      );
      // Every export carries a token from the exchange; the flush and the
      // shutdown used different ones (each token expires at once).
      const tokens = exports.map((r) => String(r.headers['authorization']));
      expect(tokens.every((t) => sts.issued.includes(t.replace('Bearer ', '')))).toBe(true);
      expect(new Set(tokens).size).toBeGreaterThan(1);
      expect(sts.subjectTokens.every((t) => t === 'workload-identity-subject')).toBe(true);

      const traces = exports
        .filter((r) => r.path === '/v1/traces')
        .map((r) => r.body.toString('latin1'))
        .join('');
      expect(traces).toContain('SELECT 40 + 2 AS answer');
      expect(traces).toContain('gcp.project_id');
      expect(traces).toContain('msp-fixture-project');
    } finally {
      await sts.close();
    }
  }, 30_000);

  it('logs an unreachable collector at shutdown and still exits cleanly', async () => {
    const fixture = await startFixture('traced-service.mjs', {
      ...tracedDataEnv(),
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${await closedPort()}`,
    });
    expect(await get(fixture.port, '/work')).toBe('42 PONG');
    expect(await fixture.stop()).toBe(0);
    expect(fixture.output()).toContain('stopped');
    expect(fixture.output()).toMatch(/warn telemetry shutdown failed .*ECONNREFUSED/);
  }, 30_000);
});
