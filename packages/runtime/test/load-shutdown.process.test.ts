import { SPAN_KIND, otlpReceiver, receivedSpans, type OtlpReceiver } from '../src/testing/otlp.js';
import { dataServiceEnv, redisTarget } from './support/data-service-env.js';
import { startServiceFixture } from './support/fixture-process.js';
import { startLoad } from './support/load.js';
import { requireServer } from './telemetry-support/servers.js';

const RUNS = 5;

describe('SIGTERM in the middle of load', () => {
  let receiver: OtlpReceiver;
  beforeAll(async () => {
    await Promise.all([requireServer('PostgreSQL'), requireServer('Redis')]);
  });
  beforeEach(async () => {
    receiver = await otlpReceiver();
  });
  afterEach(() => receiver.close());

  it.each(Array.from({ length: RUNS }, (_, i) => i + 1))(
    'run %i: fails no request sent before SIGTERM, exits 0 within 10 s, exports the spans of every completed request',
    async () => {
      const service = await startServiceFixture('data-service.ts', {
        ...dataServiceEnv({
          redisPort: redisTarget().port,
          applicationName: `msp-load-${process.pid}`,
          otlpEndpoint: receiver.endpoint,
        }),
        // Batches go out as they fill, as in production.
        OTEL_BSP_SCHEDULE_DELAY: '200',
      });
      const load = startLoad({
        url: service.url,
        paths: ['/items', '/hello'],
        clients: 16,
        maxRequests: 4000,
        maxDurationMs: 15_000,
      });
      await load.completed(300);
      const signalled = performance.now();
      service.child.kill('SIGTERM');
      const code = await service.exited;
      const exitedAfter = performance.now() - signalled;
      await load.done;

      expect(code).toBe(0);
      expect(exitedAfter).toBeLessThan(10_000);
      const before = load.results.filter((r) => r.sentAt < signalled);
      expect(before.length).toBeGreaterThanOrEqual(300);
      expect(before.filter((r) => r.status !== 200)).toEqual([]);
      // Sent after SIGTERM: served on an open connection, or refused; never reset.
      const after = load.results.filter((r) => r.sentAt >= signalled);
      expect(after.filter((r) => r.status !== 200 && r.error !== 'ECONNREFUSED')).toEqual([]);

      const completed = load.results.filter((r) => r.status === 200);
      const servers = receivedSpans(receiver).filter((s) => s.kind === SPAN_KIND.SERVER);
      expect(servers).toHaveLength(completed.length);
      const items = completed.filter((r) => r.path === '/items').length;
      const clients = receivedSpans(receiver).filter((s) => s.kind === SPAN_KIND.CLIENT);
      expect(clients).toHaveLength(items * 2);
    },
    30_000,
  );
});
