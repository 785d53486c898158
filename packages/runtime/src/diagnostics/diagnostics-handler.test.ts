import http from 'node:http';
import type { HealthCheck } from '../lifecycle.js';
import { silentLogger as logger } from '../../test/support/silent-logger.js';
import { createDiagnosticsHandler, type DiagnosticsOptions } from './diagnostics-handler.js';

async function serve(options: Partial<DiagnosticsOptions>) {
  const handler = createDiagnosticsHandler({
    version: '9.9.9',
    secret: undefined,
    msp: false,
    healthChecks: () => [],
    isShuttingDown: () => false,
    logger,
    ...options,
  });
  const server = http.createServer((req, res) => {
    if (!handler(req, res)) res.end('app');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  return {
    request: async (path: string, init: RequestInit = {}) => {
      const response = await fetch(`${url}${path}`, init);
      return { status: response.status, body: await response.text(), headers: response.headers };
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

const failing: HealthCheck = {
  name: 'db',
  check: async () => {
    throw new Error('down');
  },
};

describe('createDiagnosticsHandler', () => {
  it('reports 503 once shutdown has started, even when every check passes', async () => {
    const server = await serve({ isShuttingDown: () => true });
    expect(await server.request('/-/healthz')).toMatchObject({
      status: 503,
      body: '{"status":"shutting down"}\n',
    });
    await server.close();
  });

  it('hides check details in an msp environment without a secret', async () => {
    const server = await serve({ msp: true, healthChecks: () => [failing] });
    expect(await server.request('/-/healthz')).toMatchObject({
      status: 503,
      body: '{"status":"unhealthy"}\n',
    });
    await server.close();
  });

  it('checks the secret before revealing anything, including shutdown', async () => {
    const server = await serve({ secret: 's', isShuttingDown: () => true });
    expect((await server.request('/-/healthz')).status).toBe(401);
    expect(
      (await server.request('/-/healthz', { headers: { authorization: 'Bearer s' } })).status,
    ).toBe(503);
    await server.close();
  });

  it('answers HEAD, refuses other methods, ignores the query and passes other paths on', async () => {
    const server = await serve({});
    expect((await server.request('/-/healthz', { method: 'HEAD' })).status).toBe(200);
    const post = await server.request('/-/healthz', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect((await server.request('/-/healthz?deep=1')).status).toBe(200);
    expect((await server.request('/-/version')).body).toBe('9.9.9\n');
    expect((await server.request('/-/healthzz')).body).toBe('app');
    expect((await server.request('/')).headers.get('cache-control')).toBeNull();
    expect((await server.request('/-/healthz')).headers.get('cache-control')).toBe('no-store');
    await server.close();
  });
});
