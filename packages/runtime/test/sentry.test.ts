import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { TracerProvider } from '@opentelemetry/sdk-trace';
import { startSentry, type SentryReporter } from '../src/sentry/start-sentry.js';
import { recordingLogger } from './telemetry-support/recording-lifecycle.js';
import { runFixture } from './telemetry-support/fixture-process.js';
import { fakeSentry, type FakeSentry } from './telemetry-support/fake-sentry.js';

describe('startSentry', () => {
  let sentry: FakeSentry;
  let reporter: SentryReporter | undefined;
  beforeEach(async () => {
    sentry = await fakeSentry();
  });
  afterEach(async () => {
    await reporter?.close();
    await sentry.close();
  });

  it('does nothing without SENTRY_DSN', async () => {
    expect(
      await startSentry({
        env: {},
        serviceName: 's',
        serviceVersion: '1',
        logger: recordingLogger(),
      }),
    ).toBeUndefined();
  });

  it('rejects a SENTRY_DSN that is not a DSN', async () => {
    for (const dsn of [
      'not a dsn',
      'https://o0.ingest.sentry.io/1',
      'https://key@o0.ingest.sentry.io/',
    ]) {
      await expect(
        startSentry({
          env: { SENTRY_DSN: dsn },
          serviceName: 's',
          serviceVersion: '1',
          logger: recordingLogger(),
        }),
      ).rejects.toThrow('SENTRY_DSN: expected a Sentry DSN');
    }
  });

  it('reports error-level log records with environment and release, and skips the rest', async () => {
    reporter = await startSentry({
      env: { SENTRY_DSN: sentry.dsn, ENVIRONMENT_ID: 'dev' },
      serviceName: 'example',
      serviceVersion: '1.2.3',
      logger: recordingLogger(),
    });
    reporter?.captureLogRecord({ level: 'warn', message: 'not reported' });
    reporter?.captureLogRecord({ level: 'error', message: 'payment failed', fields: { order: 7 } });
    reporter?.captureLogRecord({
      level: 'error',
      message: 'crashed',
      fields: { error: new TypeError('boom'), order: 8 },
    });
    expect(await reporter?.flush()).toBe(true);

    // Events upload concurrently, so they may arrive in any order.
    const events = sentry.items
      .filter((item) => item.type === 'event')
      .map((item) => item.payload)
      .sort((a, b) => eventOrder(a) - eventOrder(b));
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      message: 'payment failed',
      level: 'error',
      environment: 'dev',
      release: 'example@1.2.3',
      extra: { order: 7 },
      tags: { 'resource.service.name': 'example' },
    });
    expect(events[1]).toMatchObject({
      exception: { values: [{ type: 'TypeError', value: 'boom' }] },
      extra: { order: 8, message: 'crashed' },
    });
    expect(events[1]?.['extra']).not.toHaveProperty('error');
  });

  it('sends what was captured before the client finished loading when closed right away', async () => {
    const started = await startSentry({
      env: { SENTRY_DSN: sentry.dsn },
      serviceName: 'example',
      serviceVersion: '1',
      logger: recordingLogger(),
    });
    // Captured synchronously after start, before the client has loaded.
    for (const n of [1, 2, 3]) started?.captureLogRecord({ level: 'error', message: `early ${n}` });
    await started?.close();

    const messages = sentry.items.filter((item) => item.type === 'event').map((i) => i.payload);
    expect(messages.map((e) => e['message']).sort()).toEqual(['early 1', 'early 2', 'early 3']);
  });

  it('reports an unhandled rejection and keeps the process running', async () => {
    const logger = recordingLogger();
    reporter = await startSentry({
      env: { SENTRY_DSN: sentry.dsn },
      serviceName: 'example',
      serviceVersion: '1',
      logger,
    });
    process.emit('unhandledRejection', new SyntaxError('nobody caught me'), Promise.resolve());
    expect(await reporter?.flush()).toBe(true);

    const event = sentry.items.find((item) => item.type === 'event')?.payload;
    expect(event).toMatchObject({
      level: 'error',
      exception: {
        values: [{ type: 'SyntaxError', value: 'nobody caught me', mechanism: { handled: false } }],
      },
    });
    expect(logger.lines.map((l) => l.message)).toContain(
      'unhandled promise rejection (reported to Sentry)',
    );
  });

  it('checks a scheduled job in as in_progress, then with its outcome and the monitor config', async () => {
    reporter = await startSentry({
      env: {
        SENTRY_DSN: sentry.dsn,
        ENVIRONMENT_ID: 'prod',
        JOB_EXECUTION_CRON_SCHEDULE: '0 * * * *',
        JOB_EXECUTION_DEADLINE: '600s',
      },
      serviceName: 'nightly',
      serviceVersion: '2',
      logger: recordingLogger(),
    });
    const finish = reporter?.startJobCheckIn('nightly');
    await finish?.('error');

    const checkIns = sentry.items
      .filter((item) => item.type === 'check_in')
      .map((item) => item.payload);
    expect(checkIns.map((c) => [c['monitor_slug'], c['status']])).toEqual([
      ['nightly-prod', 'in_progress'],
      ['nightly-prod', 'error'],
    ]);
    expect(checkIns[0]?.['check_in_id']).toBe(checkIns[1]?.['check_in_id']);
    expect(checkIns[1]?.['duration']).toEqual(expect.any(Number));
    expect(checkIns[0]?.['monitor_config']).toEqual({
      schedule: { type: 'crontab', value: '0 * * * *' },
      max_runtime: 10,
      checkin_margin: 5,
      timezone: 'Etc/UTC',
    });
  });

  it("links events to the runtime's active OpenTelemetry span", async () => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    trace.setGlobalTracerProvider(new TracerProvider());
    try {
      reporter = await startSentry({
        env: { SENTRY_DSN: sentry.dsn },
        serviceName: 'example',
        serviceVersion: '1',
        logger: recordingLogger(),
      });
      const ids = trace.getTracer('test').startActiveSpan('request', (span) => {
        reporter?.captureLogRecord({ level: 'error', message: 'inside a request' });
        span.end();
        return span.spanContext();
      });
      await reporter?.flush();
      const event = sentry.items.find((item) => item.type === 'event')?.payload;
      expect(event?.['contexts']).toMatchObject({
        trace: { trace_id: ids.traceId, span_id: ids.spanId },
      });
    } finally {
      trace.disable();
      context.disable();
    }
  });

  it("delivers a service's own @sentry/node captures through the runtime's client", async () => {
    const output = await runFixture('sentry-node-capture.mjs', {
      SENTRY_DSN: sentry.dsn,
      ENVIRONMENT_ID: 'prod',
    });
    expect(output).toContain('done');
    // Events upload concurrently, so they may arrive in any order: the exception first.
    const events = sentry.items
      .filter((item) => item.type === 'event')
      .map((i) => i.payload)
      .sort((a, b) => Number('message' in a) - Number('message' in b));
    expect(events).toEqual([
      expect.objectContaining({
        environment: 'prod',
        release: 'sentry-node-user@3.1.4',
        exception: {
          values: [
            expect.objectContaining({ type: 'TypeError', value: 'captured through @sentry/node' }),
          ],
        },
      }),
      expect.objectContaining({ message: 'a message through @sentry/node', level: 'warning' }),
    ]);
    // The runtime's client adds source context to the service's own captures too.
    const frames = (
      events[0] as {
        exception: { values: { stacktrace: { frames: { context_line?: string }[] } }[] };
      }
    ).exception.values[0]?.stacktrace.frames;
    expect(frames?.map((f) => f.context_line)).toContain(
      "Sentry.captureException(new TypeError('captured through @sentry/node'));",
    );
  }, 20_000);

  it('sends stack frames with source context and the breadcrumbs of the trace the error happened in', async () => {
    expect(
      await runFixture('sentry-context.mjs', { SENTRY_DSN: sentry.dsn, ENVIRONMENT_ID: 'dev' }),
    ).toContain('done');
    const events = sentry.items.filter((item) => item.type === 'event').map((i) => i.payload);
    expect(events).toHaveLength(1);
    const event = events[0] as {
      environment: string;
      release: string;
      exception: { values: { stacktrace: { frames: Record<string, unknown>[] } }[] };
      breadcrumbs: Record<string, unknown>[];
    };
    expect(event).toMatchObject({ environment: 'dev', release: 'context-user@0.2.0' });
    const frames = event.exception.values[0]?.stacktrace.frames ?? [];
    const failing = frames.at(-1);
    expect(failing).toMatchObject({
      function: 'failDeepInside',
      context_line: "  throw new RangeError('the line Sentry must show'); // the context line",
      pre_context: expect.arrayContaining(['function failDeepInside() {']),
      post_context: expect.arrayContaining(['}']),
    });
    expect(failing?.['filename']).toMatch(/sentry-context\.mjs$/);
    expect(event.breadcrumbs.map(({ timestamp: _t, ...crumb }) => crumb)).toEqual([
      {
        category: 'http',
        type: 'http',
        data: {
          method: 'GET',
          url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/items$/),
          status_code: 200,
        },
      },
      {
        category: 'http',
        type: 'http',
        data: { method: 'GET', url: expect.stringMatching(/\/missing$/), status_code: 404 },
      },
      { category: 'log', level: 'warning', message: 'cache is cold' },
    ]);
  }, 20_000);

  it('reports an uncaught exception before the process exits', async () => {
    await runFixture('sentry-crash.mjs', { SENTRY_DSN: sentry.dsn, ENVIRONMENT_ID: 'staging' }, 1);
    const event = sentry.items.find((item) => item.type === 'event')?.payload;
    expect(event).toMatchObject({
      level: 'fatal',
      environment: 'staging',
      release: 'crasher@0.0.1',
      exception: {
        values: [
          { type: 'RangeError', value: 'uncaught in a timer', mechanism: { handled: false } },
        ],
      },
    });
  }, 20_000);
});

/** The `order` extra of an event (0 without one), to sort events that arrive in any order. */
function eventOrder(event: Record<string, unknown>): number {
  return Number((event['extra'] as { order?: number } | undefined)?.order ?? 0);
}
