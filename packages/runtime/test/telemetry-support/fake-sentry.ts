import { createServer, type Server } from 'node:http';
import { gunzipSync } from 'node:zlib';

/** A Sentry ingest endpoint that keeps every envelope item it receives. */
export interface FakeSentry {
  readonly dsn: string;
  readonly items: { type: string; payload: Record<string, unknown> }[];
  close(): Promise<void>;
}

export async function fakeSentry(): Promise<FakeSentry> {
  const items: FakeSentry['items'] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks);
      const text = (
        request.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw
      ).toString('utf8');
      const lines = text.split('\n').filter((line) => line !== '');
      for (let i = 1; i + 1 < lines.length; i += 2) {
        const header = JSON.parse(lines[i] ?? '{}') as { type: string };
        items.push({
          type: header.type,
          payload: JSON.parse(lines[i + 1] ?? '{}') as Record<string, unknown>,
        });
      }
      response.writeHead(200).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    dsn: `http://publickey@127.0.0.1:${address.port}/42`,
    items,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
