import http from 'node:http';
import { connect } from 'node:net';
import { SPAN_KIND, otlpReceiver, receivedSpans } from '@msp/runtime/testing/otlp';
import { runExample, startExample } from './support/example-process.js';
import { fakeBigQuery } from './support/fake-bigquery.js';
import {
  createTestDatabase,
  requireServers,
  servers,
  testKeyPrefix,
  type TestDatabase,
} from './support/servers.js';

const SECRET = 'e2e-diagnostics-secret';
const API_KEY = 'e2e-api-key';

interface ItemBody {
  id: string;
  name: string;
  value: unknown;
  createdAt: string;
}

let db: TestDatabase;
const dataEnv = (): Record<string, string> => ({
  PGHOST: servers.pgHost,
  PGPORT: String(servers.pgPort),
  PGUSER: servers.pgUser,
  DATABASE_NAME: db.name,
  REDIS_ENDPOINT: servers.redisUrl,
  CACHE_KEY_PREFIX: testKeyPrefix(),
  DIAGNOSTICS_SECRET: SECRET,
  EXAMPLE_API_KEY: API_KEY,
  ITEM_TTL_HOURS: '24',
});

beforeAll(async () => {
  await requireServers();
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

const writeHeaders = { 'content-type': 'application/json', 'x-api-key': API_KEY };

describe('the example service against PostgreSQL and Redis', () => {
  let example: Awaited<ReturnType<typeof startExample>>;
  beforeAll(async () => {
    example = await startExample({ ...dataEnv(), GREETING: 'hello from the e2e test' });
  });
  afterAll(async () => {
    example.child.kill('SIGTERM');
    expect(await example.exited).toBe(0);
  });

  it('greets with the configured greeting', async () => {
    const response = await fetch(`${example.url}/`);
    expect(await response.json()).toMatchObject({
      message: 'hello from the e2e test',
      storage: 'postgres',
      cache: 'redis',
    });
  });

  it('stores items in PostgreSQL, reads them through the Redis cache, and deletes them', async () => {
    const denied = await fetch(`${example.url}/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'pear' }),
    });
    expect(denied.status).toBe(401);

    const created = await fetch(`${example.url}/items`, {
      method: 'POST',
      headers: writeHeaders,
      body: JSON.stringify({ name: 'apple', value: { count: 3 } }),
    });
    expect(created.status).toBe(201);
    const item = (await created.json()) as ItemBody;
    expect(item).toMatchObject({ name: 'apple', value: { count: 3 } });
    // The row is in the service's database, written by its migration's table.
    expect(await db.query('SELECT name, value FROM items WHERE id = $1', [item.id])).toEqual([
      { name: 'apple', value: { count: 3 } },
    ]);

    const first = await fetch(`${example.url}/items/${item.id}`);
    expect(first.headers.get('x-cache')).toBe('miss');
    expect(await first.json()).toEqual(item);
    const second = await fetch(`${example.url}/items/${item.id}`);
    expect(second.headers.get('x-cache')).toBe('hit');
    expect(await second.json()).toEqual(item);

    const list = (await (await fetch(`${example.url}/items`)).json()) as { items: ItemBody[] };
    expect(list.items.map((i) => i.id)).toContain(item.id);

    const invalid = await fetch(`${example.url}/items`, {
      method: 'POST',
      headers: writeHeaders,
      body: JSON.stringify({ value: 1 }),
    });
    expect(invalid.status).toBe(400);

    const deleted = await fetch(`${example.url}/items/${item.id}`, {
      method: 'DELETE',
      headers: writeHeaders,
    });
    expect(deleted.status).toBe(204);
    // Deleting also dropped the cache entry.
    expect((await fetch(`${example.url}/items/${item.id}`)).status).toBe(404);
    expect(await db.query('SELECT id FROM items WHERE id = $1', [item.id])).toEqual([]);
  });

  it('guards /-/healthz with the diagnostics secret and reports its checks', async () => {
    expect((await fetch(`${example.url}/-/healthz`)).status).toBe(401);
    const wrong = await fetch(`${example.url}/-/healthz`, {
      headers: { authorization: 'Bearer not-the-secret' },
    });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${example.url}/-/healthz`, {
      headers: { authorization: `Bearer ${SECRET}` },
    });
    expect(right.status).toBe(200);
    const report = (await right.json()) as { checks: { name: string; ok: boolean }[] };
    expect(report.checks.map((c) => [c.name, c.ok])).toEqual(
      expect.arrayContaining([
        [`postgres:${db.name}`, true],
        ['redis', true],
        ['item-expiry', true],
      ]),
    );
  });
});

describe('telemetry from the bundle', () => {
  it('traces a request with PostgreSQL and Redis child spans and exports them at shutdown', async () => {
    const receiver = await otlpReceiver();
    try {
      const example = await startExample({
        ...dataEnv(),
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      });
      const created = await fetch(`${example.url}/items`, {
        method: 'POST',
        headers: writeHeaders,
        body: JSON.stringify({ name: 'traced' }),
      });
      const { id } = (await created.json()) as ItemBody;
      const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
      const read = await fetch(`${example.url}/items/${id}`, {
        headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
      });
      expect(read.headers.get('x-cache')).toBe('miss');
      example.child.kill('SIGTERM');
      expect(await example.exited).toBe(0);

      const spans = receivedSpans(receiver).filter((s) => s.traceId === traceId);
      const server = spans.find((s) => s.kind === SPAN_KIND.SERVER);
      expect(server).toMatchObject({
        name: 'GET /items/:id',
        parentSpanId: '00f067aa0ba902b7',
      });
      expect(server?.attributes).toContainEqual({
        key: 'http.route',
        value: { stringValue: '/items/:id' },
      });
      const children = spans
        .filter((s) => s.parentSpanId === server?.spanId)
        .map((s) => [s.name, s.kind]);
      expect(children).toEqual(
        expect.arrayContaining([
          [`SELECT ${db.name}`, SPAN_KIND.CLIENT],
          ['GET', SPAN_KIND.CLIENT],
          ['SET', SPAN_KIND.CLIENT],
        ]),
      );
    } finally {
      await receiver.close();
    }
  });
});

describe('the clean-up job', () => {
  it('deletes the items older than ITEM_TTL_HOURS, keeps the rest, and exits 0', async () => {
    // The service's migrations made the table; these rows stand in for old and new items.
    await db.query(
      `INSERT INTO items (id, name, created_at) VALUES
         (gen_random_uuid(), 'stale', now() - interval '30 hours'),
         (gen_random_uuid(), 'fresh', now() - interval '1 hour')`,
    );
    const job = runExample('job', { ...dataEnv() });
    expect(await job.exited).toBe(0);
    expect(job.records()).toContainEqual(
      expect.objectContaining({ message: 'deleted expired items', deleted: 1 }),
    );
    const names = (await db.query<{ name: string }>('SELECT name FROM items')).map((r) => r.name);
    expect(names).toContain('fresh');
    expect(names).not.toContain('stale');
  });
});

/** Starts a POST whose body is sent only when `finish` is called. */
function heldPost(url: string): { accepted: Promise<void>; finish(): Promise<number> } {
  const request = http.request(`${url}/items`, {
    method: 'POST',
    agent: false,
    headers: { ...writeHeaders, expect: '100-continue' },
  });
  // 100 Continue: the server has read the headers and is handling the request.
  const accepted = new Promise<void>((resolve, reject) => {
    request.once('continue', resolve);
    request.once('error', reject);
  });
  const status = new Promise<number>((resolve, reject) => {
    request.once('response', (response) => {
      response.resume().once('end', () => resolve(response.statusCode ?? 0));
    });
    request.once('error', reject);
  });
  return {
    accepted,
    finish: () => {
      request.end(JSON.stringify({ name: 'under load' }));
      return status;
    },
  };
}

function refused(url: string): Promise<boolean> {
  const { port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

describe('SIGTERM under load', () => {
  it('completes every request in flight, refuses new connections and exits 0 within 10 s', async () => {
    const IN_FLIGHT = 60;
    const example = await startExample(dataEnv());
    const before = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM items'))[0]?.n;
    const requests = Array.from({ length: IN_FLIGHT }, () => heldPost(example.url));
    await Promise.all(requests.map((r) => r.accepted));

    const signalled = performance.now();
    example.child.kill('SIGTERM');
    const stopped = await example.waitFor((r) => r['message'] === 'stopped accepting connections');
    expect(stopped['inFlight']).toBe(IN_FLIGHT);
    expect(await refused(example.url)).toBe(true);

    const statuses = await Promise.all(requests.map((r) => r.finish()));
    expect(statuses).toEqual(Array.from({ length: IN_FLIGHT }, () => 201));
    expect(await example.exited).toBe(0);
    expect(performance.now() - signalled).toBeLessThan(10_000);
    const after = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM items'))[0]?.n;
    expect(after).toBe((before ?? 0) + IN_FLIGHT);
  }, 30_000);
});

describe('BigQuery events', () => {
  it('writes the events of the service to the events table of its dataset', async () => {
    const bigquery = await fakeBigQuery('e2e-project', 'msp_example');
    try {
      const example = await startExample({ STATELESS_MODE: 'true', ...bigquery.env });
      const created = await fetch(`${example.url}/items`, {
        method: 'POST',
        body: JSON.stringify({ name: 'recorded' }),
      });
      const { id } = (await created.json()) as ItemBody;
      example.child.kill('SIGTERM');
      // Shutdown waits for the writes still running.
      expect(await example.exited).toBe(0);
      expect(bigquery.rows).toEqual(
        expect.arrayContaining([
          {
            table: 'msp_example.events',
            json: expect.objectContaining({ name: 'service.initialized' }),
          },
          {
            table: 'msp_example.events',
            json: {
              name: 'item_created',
              metadata: JSON.stringify({ id, name: 'recorded' }),
              created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
            },
          },
        ]),
      );
    } finally {
      await bigquery.close();
    }
  });
});

describe('without PostgreSQL or Redis', () => {
  it('runs stateless with the embedded defaults', async () => {
    const example = await startExample({ STATELESS_MODE: 'true' });
    const created = await fetch(`${example.url}/items`, {
      method: 'POST',
      body: JSON.stringify({ name: 'kept in memory' }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as ItemBody;
    const read = await fetch(`${example.url}/items/${id}`);
    expect(read.headers.get('x-cache')).toBe('off');
    expect(await read.json()).toMatchObject({ name: 'kept in memory' });
    expect(await (await fetch(`${example.url}/`)).json()).toMatchObject({ storage: 'memory' });
    example.child.kill('SIGTERM');
    expect(await example.exited).toBe(0);
  });
});
