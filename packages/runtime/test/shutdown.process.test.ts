import http from 'node:http';
import { connect } from 'node:net';
import { startServiceFixture } from './support/fixture-process.js';

const IN_FLIGHT = 50;

interface Reply {
  readonly status: number;
  readonly body: string;
  readonly connection: string | undefined;
}

function get(url: string, agent: http.Agent): Promise<Reply> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body, connection: res.headers.connection }),
        );
      })
      .on('error', reject);
  });
}

function connectError(port: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve(undefined);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code));
  });
}

describe('graceful shutdown of a service process', () => {
  it('completes every in-flight request with 200, refuses new connections and exits 0 well within 10 s', async () => {
    const service = await startServiceFixture('example-service.ts', {
      GREETING: 'hi',
      SLOW_DURATION: '1500ms',
    });
    const agent = new http.Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
    // Warm a keep-alive connection that will sit idle during shutdown.
    expect((await get(`${service.url}/`, agent)).status).toBe(200);

    const replies = Array.from({ length: IN_FLIGHT }, () => get(`${service.url}/slow`, agent));
    await service.waitForLog(
      () =>
        service.records().filter((r) => r['message'] === 'slow request started').length ===
        IN_FLIGHT,
    );

    const signalled = performance.now();
    service.child.kill('SIGTERM');
    const stopped = await service.waitForLog(
      (r) => r['message'] === 'stopped accepting connections',
    );
    expect(stopped['inFlight']).toBe(IN_FLIGHT);
    expect(await connectError(service.url.split(':')[2] ?? '')).toBe('ECONNREFUSED');

    const done = await Promise.all(replies);
    expect(done.map((reply) => reply.status)).toEqual(Array(IN_FLIGHT).fill(200));
    expect(done.every((reply) => reply.body === 'slow done\n')).toBe(true);
    expect(done.every((reply) => reply.connection === 'close')).toBe(true);

    expect(await service.exited).toBe(0);
    expect(performance.now() - signalled).toBeLessThan(9000);
    const finished = service.records().find((record) => record['message'] === 'shutdown finished');
    expect(finished).toMatchObject({ clean: true });
    expect(finished?.['steps']).toEqual([
      expect.objectContaining({ name: 'stop reporting ready', ok: true }),
      expect.objectContaining({ name: 'stop accepting', ok: true }),
      expect.objectContaining({ name: 'drain requests', ok: true }),
      expect.objectContaining({ name: 'stop routines', ok: true }),
      expect.objectContaining({ name: 'flush', ok: true }),
      expect.objectContaining({ name: 'close clients', ok: true }),
      expect.objectContaining({ name: 'close telemetry', ok: true }),
    ]);
    expect(service.records().some((record) => record['message'] === 'fixture closer ran')).toBe(
      true,
    );
    agent.destroy();
  }, 20_000);

  it('exits at once with 128 + the signal number on a second signal', async () => {
    const service = await startServiceFixture('example-service.ts', {
      GREETING: 'hi',
      SLOW_DURATION: '20s',
    });
    const agent = new http.Agent();
    const pending = get(`${service.url}/slow`, agent).catch((error: unknown) => error);
    await service.waitForLog((record) => record['message'] === 'slow request started');
    service.child.kill('SIGTERM');
    await service.waitForLog((record) => record['message'] === 'shutting down');
    service.child.kill('SIGINT');
    expect(await service.exited).toBe(130);
    expect(String(await pending)).toMatch(/socket hang up|ECONNRESET/);
    agent.destroy();
  }, 20_000);

  it('exits 1 when in-flight requests outlast the drain budget', async () => {
    const service = await startServiceFixture('example-service.ts', {
      GREETING: 'hi',
      SLOW_DURATION: '30s',
    });
    const agent = new http.Agent();
    const pending = get(`${service.url}/slow`, agent).catch((error: unknown) => error);
    await service.waitForLog((record) => record['message'] === 'slow request started');
    const signalled = performance.now();
    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(1);
    expect(performance.now() - signalled).toBeLessThan(10_000);
    expect(
      service.records().find((record) => record['message'] === 'shutdown finished'),
    ).toMatchObject({
      clean: false,
    });
    // Given up on at the drain deadline: answered 503, so the caller can retry elsewhere.
    expect(await pending).toMatchObject({ status: 503, body: 'service shutting down; retry\n' });
    agent.destroy();
  }, 20_000);
});
