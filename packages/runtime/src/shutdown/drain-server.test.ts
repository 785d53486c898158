import http from 'node:http';
import { createRequestTracker } from '../server/request-tracker.js';
import { drainConnections, stopAccepting } from './drain-server.js';

async function serve(handler: http.RequestListener) {
  const tracker = createRequestTracker();
  const server = http.createServer((req, res) => {
    tracker.track(res);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return { server, tracker, url: `http://127.0.0.1:${port}` };
}

function get(url: string, agent: http.Agent) {
  return new Promise<{ status: number; connection: string | undefined }>((resolve, reject) =>
    http
      .get(url, { agent }, (res) => {
        res.resume();
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }),
        );
      })
      .on('error', reject),
  );
}

describe('stopAccepting and drainConnections', () => {
  it('let in-flight requests finish, close idle keep-alive connections and resolve', async () => {
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const { server, tracker, url } = await serve((req, res) => {
      if (req.url === '/slow') void released.then(() => res.end('ok'));
      else res.end('ok');
    });
    const agent = new http.Agent({ keepAlive: true });
    await get(url, agent); // leaves an idle keep-alive connection
    const slow = get(`${url}/slow`, new http.Agent({ keepAlive: true }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(tracker.inFlight).toBe(1);

    const closed = stopAccepting(server, tracker);
    expect(server.listening).toBe(false);
    const drained = drainConnections(server, closed, tracker, 2000);
    release();
    await drained;
    expect(await slow).toEqual({ status: 200, connection: 'close' });
    expect(tracker.inFlight).toBe(0);
    agent.destroy();
  });

  it('closes every connection and fails when requests outlast the timeout', async () => {
    const { server, tracker, url } = await serve(() => undefined);
    const hanging = get(url, new http.Agent()).catch((error: unknown) => String(error));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const closed = stopAccepting(server, tracker);
    await expect(drainConnections(server, closed, tracker, 50)).rejects.toThrow(
      '1 requests still in flight after 50ms; connections closed',
    );
    expect(await hanging).toMatch(/socket hang up|ECONNRESET/);
  });
});
