import { startFixture, startServiceFixture } from './support/fixture-process.js';
import { fakeSentry, type FakeSentry } from './telemetry-support/fake-sentry.js';
import { SPAN_KIND, otlpReceiver, receivedSpans, type OtlpReceiver } from '../src/testing/otlp.js';
import { tracedDataEnv } from './telemetry-support/otlp-traces.js';
import { requireServer } from './telemetry-support/servers.js';

const { SERVER, CLIENT } = SPAN_KIND;
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT_ID = '00f067aa0ba902b7';

describe('integrations wired into start() and runJob()', () => {
  let receiver: OtlpReceiver;
  let sentry: FakeSentry;
  beforeAll(async () => {
    await Promise.all([requireServer('PostgreSQL'), requireServer('Redis')]);
  });
  beforeEach(async () => {
    [receiver, sentry] = await Promise.all([otlpReceiver(), fakeSentry()]);
  });
  afterEach(async () => {
    await Promise.all([receiver.close(), sentry.close()]);
  });

  it('trace a request with one server span and pg and ioredis child spans, and report error logs to Sentry', async () => {
    const service = await startServiceFixture('integrated-service.ts', {
      ...tracedDataEnv(),
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      SENTRY_DSN: sentry.dsn,
      ENVIRONMENT_ID: 'test',
    });
    const traceparent = `00-${TRACE_ID}-${PARENT_ID}-01`;
    const work = await fetch(`${service.url}/work`, { headers: { traceparent } });
    expect(await work.text()).toBe('42 PONG');
    expect((await fetch(`${service.url}/fail`)).status).toBe(500);
    expect((await fetch(`${service.url}/-/healthz`)).status).toBe(200);

    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);

    const spans = receivedSpans(receiver);
    const servers = spans.filter((s) => s.kind === SERVER);
    // /work and /fail; diagnostics are not traced; no duplicates.
    expect(servers).toHaveLength(2);
    const request = servers.find((s) => s.traceId === TRACE_ID);
    expect(request).toMatchObject({ parentSpanId: PARENT_ID });
    const children = spans
      .filter((s) => s.parentSpanId === request?.spanId)
      .map((s) => [s.name, s.kind]);
    expect(children).toEqual(
      expect.arrayContaining([
        [expect.stringMatching(/^SELECT /), CLIENT],
        ['PING', CLIENT],
      ]),
    );

    const events = sentry.items.filter((item) => item.type === 'event');
    expect(events).toHaveLength(1);
    expect(events[0]?.payload).toMatchObject({
      environment: 'test',
      release: 'integrated-fixture@1.2.3',
      exception: { values: [expect.objectContaining({ value: 'boom on purpose' })] },
    });
    // The event carries the trace of the request it was logged in.
    const failTrace = servers.find((s) => s.traceId !== TRACE_ID)?.traceId;
    expect(events[0]?.payload['contexts']).toMatchObject({ trace: { trace_id: failTrace } });
  }, 30_000);

  it('report every invalid integration variable with the config problems, and start nothing', async () => {
    const service = startFixture('integrated-service.ts', {
      PORT: '0',
      SENTRY_DSN: 'https://no-project-id.example',
      REDIS_ENDPOINT: 'http://not-redis',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc',
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
    });
    expect(await service.exited).toBe(1);
    const failure = service.records().find((r) => r['severity'] === 'ERROR');
    const variables = (failure?.['issues'] as { variable: string }[]).map((i) => i.variable);
    expect(variables).toEqual(
      expect.arrayContaining(['SENTRY_DSN', 'REDIS_ENDPOINT', 'OTEL_EXPORTER_OTLP_PROTOCOL']),
    );
    expect(service.records().some((r) => r['message'] === 'service started')).toBe(false);
  }, 20_000);

  it.each([
    ['succeed', 0, 'ok'],
    ['fail', 1, 'error'],
  ])(
    'send Sentry cron check-ins for a scheduled job that ends with %s',
    async (mode, code, status) => {
      const job = startFixture('integrated-job.ts', {
        ...tracedDataEnv(),
        JOB_MODE: mode,
        SENTRY_DSN: sentry.dsn,
        ENVIRONMENT_ID: 'prod',
        JOB_EXECUTION_CRON_SCHEDULE: '0 * * * *',
        JOB_EXECUTION_DEADLINE: '300s',
      });
      expect(await job.exited).toBe(code);
      const checkIns = sentry.items
        .filter((item) => item.type === 'check_in')
        .map((item) => item.payload);
      expect(checkIns).toEqual([
        expect.objectContaining({ monitor_slug: 'integrated-job-prod', status: 'in_progress' }),
        expect.objectContaining({ monitor_slug: 'integrated-job-prod', status }),
      ]);
      expect(checkIns[1]?.['check_in_id']).toBe(checkIns[0]?.['check_in_id']);
    },
    20_000,
  );
});
