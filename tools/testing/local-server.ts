import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LocalServer {
  /** `http://127.0.0.1:<port>` */
  readonly address: string;
  /** Stops listening and drops open connections; a second call does nothing. */
  close(): Promise<void>;
}

/**
 * An HTTP server on a free loopback port for the fakes of external APIs;
 * a handler that throws answers 500 with the error, so a fake's own bug
 * shows in the test instead of hanging it.
 */
export async function startLocalServer(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): Promise<LocalServer> {
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    address: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (!server.listening) return resolve();
        server.closeAllConnections();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
      }),
  };
}
