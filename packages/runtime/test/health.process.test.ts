import { createServer, type Server } from 'node:net';
import { startServiceFixture, type FixtureProcess } from './support/fixture-process.js';

const SECRET = 'correct-horse-battery';

function listenTcp(server: Server, port = 0): Promise<number> {
  return new Promise((resolve) =>
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    }),
  );
}

async function healthz(url: string, authorization?: string) {
  const response = await fetch(`${url}/-/healthz`, {
    headers: authorization === undefined ? {} : { authorization },
  });
  const text = await response.text();
  return { status: response.status, text };
}

async function stop(service: FixtureProcess): Promise<number> {
  service.child.kill('SIGTERM');
  return service.exited;
}

describe('/-/healthz of a service process with DIAGNOSTICS_SECRET', () => {
  let dependency: Server;
  let dependencyPort: number;
  let service: FixtureProcess & { url: string };

  beforeAll(async () => {
    dependency = createServer((socket) => socket.destroy());
    dependencyPort = await listenTcp(dependency);
    service = await startServiceFixture('example-service.ts', {
      GREETING: 'hi',
      DEPENDENCY_PORT: String(dependencyPort),
      DIAGNOSTICS_SECRET: SECRET,
    });
  });

  afterAll(async () => {
    await stop(service);
    dependency.close();
  });

  it('answers 401 without an Authorization header', async () => {
    expect(await healthz(service.url)).toEqual({ status: 401, text: 'unauthorized\n' });
  });

  it('answers 401 with the wrong secret, including a prefix of the right one', async () => {
    expect((await healthz(service.url, 'Bearer wrong')).status).toBe(401);
    expect((await healthz(service.url, `Bearer ${SECRET.slice(0, -1)}`)).status).toBe(401);
  });

  it('answers 400 to a token type other than Bearer', async () => {
    expect((await healthz(service.url, `Basic ${SECRET}`)).status).toBe(400);
  });

  it('answers 200 with per-check details to the right secret', async () => {
    const { status, text } = await healthz(service.url, `Bearer ${SECRET}`);
    expect(status).toBe(200);
    expect(JSON.parse(text)).toMatchObject({
      status: 'ok',
      checks: [{ name: 'dependency', ok: true }],
    });
  });

  it('answers 503 while a registered check fails, and 200 again once it recovers', async () => {
    await new Promise((resolve) => dependency.close(resolve));
    const failing = await healthz(service.url, `Bearer ${SECRET}`);
    expect(failing.status).toBe(503);
    expect(JSON.parse(failing.text)).toMatchObject({
      status: 'unhealthy',
      checks: [{ name: 'dependency', ok: false, error: expect.stringContaining('ECONNREFUSED') }],
    });
    await service.waitForLog((record) => record['message'] === 'health check failed');

    dependency = createServer((socket) => socket.destroy());
    await listenTcp(dependency, dependencyPort);
    expect((await healthz(service.url, `Bearer ${SECRET}`)).status).toBe(200);
  });

  it('serves the version without authentication', async () => {
    const response = await fetch(`${service.url}/-/version`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('1.2.3\n');
  });

  it('passes other paths to the service handler', async () => {
    expect(await (await fetch(`${service.url}/`)).text()).toBe('hi\n');
  });
});

describe('/-/healthz without DIAGNOSTICS_SECRET', () => {
  it('allows anyone locally, with details, and warns at start', async () => {
    const service = await startServiceFixture('example-service.ts', { GREETING: 'hi' });
    try {
      const { status, text } = await healthz(service.url);
      expect(status).toBe(200);
      expect(JSON.parse(text)).toEqual({ status: 'ok', checks: [] });
      expect(service.records()).toContainEqual(
        expect.objectContaining({
          severity: 'WARNING',
          message: expect.stringContaining('DIAGNOSTICS_SECRET'),
        }),
      );
    } finally {
      await stop(service);
    }
  });

  it('logs an error when MSP is true and hides check details', async () => {
    const service = await startServiceFixture('example-service.ts', {
      GREETING: 'hi',
      MSP: 'true',
      // Not on Google Cloud: no Telemetry API to export to.
      OTEL_SDK_DISABLED: 'true',
    });
    try {
      const { status, text } = await healthz(service.url);
      expect(status).toBe(200);
      expect(JSON.parse(text)).toEqual({ status: 'ok' });
      expect(service.records()).toContainEqual(
        expect.objectContaining({
          severity: 'ERROR',
          message: expect.stringContaining('DIAGNOSTICS_SECRET'),
        }),
      );
    } finally {
      await stop(service);
    }
  });
});
