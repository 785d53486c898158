import { createServer } from 'node:net';
import { MspError } from '@msp/spec/errors';

/** Throws a clear error when something already listens on 127.0.0.1:`port`. */
export function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new MspError('port-in-use', `port ${port} on 127.0.0.1 is already in use`, {
              hint: 'Choose another port with --port <n>.',
            })
          : error,
      );
    });
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}
