import { startFixture, startServiceFixture } from './support/fixture-process.js';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN_ID = '00f067aa0ba902b7';

describe('logs of a service process', () => {
  it('writes JSON lines with severity, service context and the active trace and span ids', async () => {
    const service = await startServiceFixture('example-service.ts', {
      GREETING: 'hi',
      GOOGLE_CLOUD_PROJECT: 'test-project',
    });
    try {
      const response = await fetch(`${service.url}/traced`, {
        headers: { traceparent: `00-${TRACE_ID}-${SPAN_ID}-01` },
      });
      expect(response.status).toBe(200);
      const record = await service.waitForLog((r) => r['message'] === 'traced request');
      expect(record).toEqual({
        severity: 'INFO',
        message: 'traced request',
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        scope: 'service',
        serviceContext: { service: 'example', version: '1.2.3' },
        'logging.googleapis.com/trace': `projects/test-project/traces/${TRACE_ID}`,
        'logging.googleapis.com/spanId': SPAN_ID,
        'logging.googleapis.com/trace_sampled': true,
      });
      const untraced = service.records().find((r) => r['message'] === 'service started');
      expect(untraced).not.toHaveProperty(['logging.googleapis.com/trace']);
    } finally {
      service.child.kill('SIGTERM');
      await service.exited;
    }
  });

  it('reports a failing handler as a 500 and an ERROR with its stack for Error Reporting', async () => {
    const service = await startServiceFixture('example-service.ts', { GREETING: 'hi' });
    try {
      expect((await fetch(`${service.url}/fail`)).status).toBe(500);
      const record = await service.waitForLog((r) => r['message'] === 'request handler failed');
      expect(record).toMatchObject({
        severity: 'ERROR',
        scope: 'msp.http',
        error: 'Error: handler exploded',
        '@type':
          'type.googleapis.com/google.devtools.clouderrorreporting.v1beta1.ReportedErrorEvent',
      });
      expect(record['stack_trace']).toMatch(/^Error: handler exploded\n\s+at /);
      // The service keeps serving.
      expect((await fetch(`${service.url}/`)).status).toBe(200);
    } finally {
      service.child.kill('SIGTERM');
      await service.exited;
    }
  });

  it('logs an uncaught exception as an ERROR with its stack before the process crashes', async () => {
    const service = await startServiceFixture('example-service.ts', { GREETING: 'hi' });
    await fetch(`${service.url}/crash`);
    expect(await service.exited).not.toBe(0);
    const record = service.records().find((r) => r['message'] === 'uncaught exception');
    expect(record).toMatchObject({
      severity: 'ERROR',
      error: 'Error: crashed outside any request',
    });
    expect(record?.['stack_trace']).toContain('example-service.ts');
  });

  it('writes only records at or above LOG_LEVEL', async () => {
    const service = startFixture('example-service.ts', {
      GREETING: 'hi',
      PORT: '0',
      LOG_LEVEL: 'warn',
    });
    await service.waitForLog((r) => r['severity'] === 'WARNING');
    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);
    const severities = new Set(service.records().map((r) => r['severity']));
    expect(severities).toEqual(new Set(['WARNING']));
  });

  it('writes readable text when LOG_FORMAT is text', async () => {
    const service = startFixture('example-service.ts', {
      GREETING: 'hi',
      PORT: '0',
      LOG_FORMAT: 'text',
    });
    await waitFor(() => service.lines.some((line) => line.includes('service started')));
    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);
    const started = service.lines.find((line) => line.includes('service started')) ?? '';
    expect(started).toMatch(
      /^\d\d:\d\d:\d\d\.\d{3} INFO {2}msp: service started port=\d+ msp=false/,
    );
    expect(service.records()).toEqual([]);
  });

  it('defaults to JSON when MSP is true and to text otherwise', async () => {
    const msp = startFixture('example-service.ts', {
      GREETING: 'hi',
      PORT: '0',
      MSP: 'true',
      // Not on Google Cloud: no Telemetry API to export to.
      OTEL_SDK_DISABLED: 'true',
      LOG_FORMAT: '',
    });
    const local = startFixture('example-service.ts', { GREETING: 'hi', PORT: '0', LOG_FORMAT: '' });
    await msp.waitForLog((r) => r['message'] === 'service started');
    await waitFor(() => local.lines.some((line) => line.includes('service started')));
    msp.child.kill('SIGTERM');
    local.child.kill('SIGTERM');
    await Promise.all([msp.exited, local.exited]);
    expect(local.records()).toEqual([]);
  });
});

function waitFor(condition: () => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => {
      clearInterval(poll);
      reject(new Error('condition not met within 10 s'));
    }, 10_000);
    const poll = setInterval(() => {
      if (!condition()) return;
      clearInterval(poll);
      clearTimeout(timeout);
      resolve();
    }, 20);
  });
}
