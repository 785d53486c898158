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

/** Resolves once the server is handling `count` requests (no fixed sleep: the machine may be busy). */
async function inFlight(tracker: { readonly inFlight: number }, count: number): Promise<void> {
  while (tracker.inFlight < count) await new Promise((resolve) => setTimeout(resolve, 5));
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
    await inFlight(tracker, 1);
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

  it('keeps idle keep-alive connections open for a window, answering on them with Connection: close', async () => {
    const { server, tracker, url } = await serve((_req, res) => res.end('ok'));
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    await get(url, agent); // an idle keep-alive connection
    const closed = stopAccepting(server, tracker);
    const drained = drainConnections(server, closed, tracker, 2000, 200);
    // Sent on the idle connection after shutdown began: served, not reset.
    expect(await get(url, agent)).toEqual({ status: 200, connection: 'close' });
    await drained;
    agent.destroy();
  });

  it('closes idle connections that stay idle once the window has passed', async () => {
    const { server, tracker, url } = await serve((_req, res) => res.end('ok'));
    const agent = new http.Agent({ keepAlive: true });
    await get(url, agent);
    const closed = stopAccepting(server, tracker);
    await drainConnections(server, closed, tracker, 2000, 30);
    agent.destroy();
  });

  it('answers 503 to requests that outlast the timeout, closes every connection and fails', async () => {
    const { server, tracker, url } = await serve(() => undefined);
    const hanging = new Promise<{ status: number; retryAfter: string | undefined }>(
      (resolve, reject) =>
        http
          .get(url, { agent: new http.Agent() }, (res) => {
            res.resume();
            res.on('end', () =>
              resolve({
                status: res.statusCode ?? 0,
                retryAfter: res.headers['retry-after'] as string | undefined,
              }),
            );
          })
          .on('error', reject),
    );
    await inFlight(tracker, 1);
    const closed = stopAccepting(server, tracker);
    await expect(drainConnections(server, closed, tracker, 50)).rejects.toThrow(
      '1 requests still in flight after 50ms: answered 503',
    );
    expect(await hanging).toEqual({ status: 503, retryAfter: '1' });
  });
});
