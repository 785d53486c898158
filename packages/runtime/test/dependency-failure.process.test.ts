import http from 'node:http';
import { SPAN_KIND, otlpReceiver, receivedSpans, type OtlpReceiver } from '../src/testing/otlp.js';
import { startServiceFixture } from './support/fixture-process.js';
import { startLoad } from './support/load.js';
import { dataServiceEnv, postgresConnections, redisTarget } from './support/data-service-env.js';
import { fakeSentry, type FakeSentry } from './telemetry-support/fake-sentry.js';
import { requireServer } from './telemetry-support/servers.js';
import { tcpProxy, type TcpProxy } from './telemetry-support/tcp-proxy.js';

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

describe('a service whose Redis stops answering', () => {
  let receiver: OtlpReceiver;
  let sentry: FakeSentry;
  let proxy: TcpProxy;
  beforeAll(async () => {
    await Promise.all([requireServer('PostgreSQL'), requireServer('Redis')]);
  });
  beforeEach(async () => {
    [receiver, sentry, proxy] = await Promise.all([
      otlpReceiver(),
      fakeSentry(),
      tcpProxy(redisTarget()),
    ]);
  });
  afterEach(async () => {
    await Promise.all([receiver.close(), sentry.close(), proxy.stop()]);
  });

  it('on SIGTERM still closes PostgreSQL, exports every span and error, and exits 1 naming Redis', async () => {
    const applicationName = `msp-redis-silent-${process.pid}`;
    const service = await startServiceFixture(
      'data-service.ts',
      dataServiceEnv({
        redisPort: proxy.port,
        applicationName,
        otlpEndpoint: receiver.endpoint,
        sentryDsn: sentry.dsn,
      }),
    );
    for (let i = 0; i < 5; i++) expect((await get(`${service.url}/items`)).status).toBe(200);
    expect((await get(`${service.url}/report`)).body).toBe('reported\n');
    expect(await postgresConnections(applicationName)).toBeGreaterThan(0);

    proxy.silence();
    const signalled = performance.now();
    service.child.kill('SIGTERM');
    const code = await service.exited;
    const elapsed = performance.now() - signalled;

    expect(code).toBe(1);
    expect(elapsed).toBeLessThan(10_000);
    const finished = service.records().find((r) => r['message'] === 'shutdown finished');
    expect(finished).toMatchObject({ clean: false });
    const steps = finished?.['steps'] as { name: string; ok: boolean; error?: string }[];
    const failed = steps.filter((step) => !step.ok);
    expect(failed).toEqual([
      expect.objectContaining({ name: 'close clients', error: expect.stringMatching(/^redis: /) }),
    ]);
    expect(failed[0]?.error).not.toContain('postgres');
    expect(steps.find((step) => step.name === 'close telemetry')).toMatchObject({ ok: true });
    expect(await postgresConnections(applicationName)).toBe(0);

    const spans = receivedSpans(receiver);
    const servers = spans.filter((s) => s.kind === SPAN_KIND.SERVER);
    expect(servers).toHaveLength(6);
    const clients = spans.filter((s) => s.kind === SPAN_KIND.CLIENT).map((s) => s.name);
    expect(clients.filter((name) => name === 'SELECT test')).toHaveLength(5);
    expect(clients.filter((name) => name === 'GET')).toHaveLength(5);
    // The application's error, and the failed step itself: both reached Sentry.
    const events = sentry.items
      .filter((item) => item.type === 'event')
      .map((event) => JSON.stringify(event.payload));
    expect(events).toEqual([
      expect.stringContaining('reported on purpose'),
      expect.stringContaining('shutdown step failed: close clients'),
    ]);
  }, 30_000);

  it('under load, fails the requests that need Redis within the command timeout, with /-/healthz at 503, and serves the rest', async () => {
    const commandTimeoutMs = 300;
    const service = await startServiceFixture('data-service.ts', {
      ...dataServiceEnv({ redisPort: proxy.port, applicationName: `msp-redis-cut-${process.pid}` }),
      FIXTURE_REDIS_COMMAND_TIMEOUT_MS: String(commandTimeoutMs),
    });
    const load = startLoad({
      url: service.url,
      paths: ['/items', '/pg', '/hello'],
      clients: 12,
      maxRequests: 6000,
      maxDurationMs: 3000,
    });
    await load.completed(300);
    expect((await get(`${service.url}/-/healthz`)).status).toBe(200);

    const cutAt = performance.now();
    proxy.silence();
    let unhealthyAt: number | undefined;
    while (unhealthyAt === undefined && performance.now() - cutAt < 2500) {
      if ((await get(`${service.url}/-/healthz`)).status === 503) unhealthyAt = performance.now();
    }
    await load.done;
    service.child.kill('SIGTERM');
    await service.exited;

    // Slack for a busy shared 2-core machine on top of the timeout itself;
    // without the bounds a request would wait for ioredis' reconnection
    // (seconds), and the probe for its own 2 s timeout.
    const bound = commandTimeoutMs + 1200;
    expect(unhealthyAt).toBeDefined();
    expect((unhealthyAt ?? Infinity) - cutAt).toBeLessThan(bound);
    const afterCut = load.results.filter((r) => r.sentAt > cutAt);
    const items = afterCut.filter((r) => r.path === '/items');
    const others = afterCut.filter((r) => r.path !== '/items');
    expect(items.length).toBeGreaterThan(0);
    expect(others.length).toBeGreaterThan(items.length);
    expect(items.filter((r) => r.status !== 503)).toEqual([]);
    expect(items.filter((r) => r.durationMs > bound)).toEqual([]);
    expect(others.filter((r) => r.status !== 200)).toEqual([]);
  }, 30_000);
});
