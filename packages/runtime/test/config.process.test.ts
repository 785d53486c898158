import { connect, createServer } from 'node:net';
import { startFixture } from './support/fixture-process.js';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

describe('a service process with bad configuration', () => {
  it('exits 1, lists every bad variable in one report, and never listens', async () => {
    const port = await freePort();
    const service = startFixture('example-service.ts', {
      PORT: String(port),
      // GREETING (required) is missing.
      DEPENDENCY_PORT: '70000',
      SLOW_DURATION: 'five minutes',
      LOG_LEVEL: 'loud',
      MSP: 'maybe',
    });
    expect(await service.exited).toBe(1);
    const reports = service.records().filter((record) => record['severity'] === 'ERROR');
    expect(reports).toHaveLength(1);
    const report = reports[0] ?? {};
    expect(report['message']).toMatch(/^invalid configuration: 5 problems/);
    expect(report['issues']).toEqual(
      expect.arrayContaining([
        { variable: 'GREETING', message: 'required but not set' },
        { variable: 'DEPENDENCY_PORT', message: 'must be at most 65535; got "70000"' },
        { variable: 'SLOW_DURATION', message: expect.stringContaining('must be a duration') },
        {
          variable: 'LOG_LEVEL',
          message: expect.stringContaining('must be one of debug, info, warn, error'),
        },
        { variable: 'MSP', message: expect.stringContaining('must be a boolean') },
      ]),
    );
    expect(service.records().some((record) => record['message'] === 'service started')).toBe(false);
    expect(await connectionRefused(port)).toBe(true);
  });

  it('reports an invalid PORT from the contract together with the service variables', async () => {
    const service = startFixture('example-service.ts', { PORT: 'eighty' });
    expect(await service.exited).toBe(1);
    const message = String(service.records()[0]?.['message']);
    expect(message).toContain('PORT: must be an integer; got "eighty"');
    expect(message).toContain('GREETING: required but not set');
  });

  it('never echoes the value of a sensitive variable', async () => {
    const service = startFixture('example-service.ts', {
      REDIS_ENDPOINT: 'not a url :secret-auth',
    });
    expect(await service.exited).toBe(1);
    expect(service.lines.join('\n')).toContain('REDIS_ENDPOINT');
    expect(service.lines.join('\n')).not.toContain('secret-auth');
  });
});

describe('--help and SANITY_CHECK', () => {
  it('lists every variable the service and the contract read, and exits 0', async () => {
    const help = startFixture('example-service.ts', {}, ['--help']);
    expect(await help.exited).toBe(0);
    const text = help.lines.join('\n');
    expect(text).toContain('SERVICE: example');
    expect(text).toContain('VERSION: 1.2.3');
    expect(text).toContain('- GREETING [string]: What / answers. (required)');
    expect(text).toContain(
      '- SLOW_DURATION [duration]: How long /slow takes. (default: "1s500ms")',
    );
    for (const name of [
      'PORT',
      'DIAGNOSTICS_SECRET',
      'ENVIRONMENT_ID',
      'MSP',
      'LOG_LEVEL',
      'LOG_FORMAT',
      'PGHOST',
      'OTEL_EXPORTER_OTLP_ENDPOINT',
    ])
      expect(text).toContain(`- ${name} [`);
    expect(text).not.toContain('JOB_EXECUTION_DEADLINE');
  });

  it('exits 0 at once with SANITY_CHECK=true, even with bad configuration', async () => {
    const sanity = startFixture('example-service.ts', { SANITY_CHECK: 'true', PORT: 'bad' });
    expect(await sanity.exited).toBe(0);
    expect(sanity.lines).toEqual(['Sanity check passed, exiting without error']);
  });
});
