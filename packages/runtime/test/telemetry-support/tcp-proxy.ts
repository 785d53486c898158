import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP relay in front of a real server that a test can stop and start again
 * on the same port, to take the server "away" without touching it, or make
 * silent: connections stay open (and new ones are accepted) but nothing is
 * relayed, as with a peer that stopped answering.
 */
export interface TcpProxy {
  readonly port: number;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops relaying bytes in both directions, keeping every connection open. */
  silence(): void;
  /** Relays again. */
  resume(): void;
}

export async function tcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  let silent = false;

  const relay = (from: Socket, to: Socket): void => {
    from.on('data', (chunk: Buffer) => {
      if (!silent) to.write(chunk);
    });
    from.on('end', () => to.end());
  };

  const start = async (): Promise<void> => {
    server = createServer((client) => {
      const upstream = createConnection(target);
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      relay(client, upstream);
      relay(upstream, client);
    });
    const listening = server;
    await new Promise<void>((resolve) => listening.listen(port, '127.0.0.1', resolve));
    const address = listening.address();
    if (address !== null && typeof address !== 'string') port = address.port;
  };

  await start();
  return {
    get port() {
      return port;
    },
    start,
    silence: () => void (silent = true),
    resume: () => void (silent = false),
    async stop() {
      const closing = server;
      server = undefined;
      for (const socket of sockets) socket.destroy();
      if (closing !== undefined)
        await new Promise<void>((resolve) => closing.close(() => resolve()));
    },
  };
}
