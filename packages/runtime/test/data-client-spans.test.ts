import { SpanKind, SpanStatusCode, context, trace, type Span } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  AlwaysOffSampler,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import pg from 'pg';
import { createPostgres } from '../src/postgres/create-postgres.js';
import { MAX_QUERY_TEXT, operationName } from '../src/postgres/traced-pool.js';
import { createRedis } from '../src/redis/create-redis.js';
import { recordingLifecycle, recordingLogger } from './telemetry-support/recording-lifecycle.js';
import { requireServer, testServers } from './telemetry-support/servers.js';

const exporter = new InMemorySpanExporter();
const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
const unsampled = new TracerProvider({ sampler: new AlwaysOffSampler() });
const contextManager = new AsyncLocalStorageContextManager();

/** Runs `work` inside a recorded (or, from `unsampled`, unrecorded) parent span; returns the parent. */
async function inSpan(
  work: () => Promise<unknown>,
  from: TracerProvider = provider,
): Promise<Span> {
  const parent = from.getTracer('test').startSpan('request', { kind: SpanKind.SERVER });
  await context.with(trace.setSpan(context.active(), parent), work);
  parent.end();
  return parent;
}

const clientSpans = () => exporter.getFinishedSpans().filter((s) => s.kind === SpanKind.CLIENT);

beforeAll(async () => {
  await Promise.all([requireServer('PostgreSQL'), requireServer('Redis')]);
  context.setGlobalContextManager(contextManager.enable());
  trace.setGlobalTracerProvider(provider);
});
afterAll(async () => {
  trace.disable();
  context.disable();
  await provider.shutdown();
});
beforeEach(() => exporter.reset());

describe('PostgreSQL query spans', () => {
  const lifecycle = recordingLifecycle();
  let pool: pg.Pool;
  beforeAll(async () => {
    const env = {
      PGHOST: testServers.pgHost,
      PGPORT: String(testServers.pgPort),
      PGUSER: testServers.pgUser,
    };
    pool = await createPostgres(env, lifecycle, recordingLogger(), { pool: { max: 1 } }).open(
      testServers.pgDatabase,
    );
  });
  afterAll(() => lifecycle.closeAll());

  it('traces promise, callback, checked-out client and submittable queries under the active span', async () => {
    const parent = await inSpan(async () => {
      await pool.query('SELECT 1 AS one');
      await new Promise((resolve, reject) =>
        pool.query('select $1::int AS two', [2], (error, result) =>
          error ? reject(error) : resolve(result),
        ),
      );
      const client = await pool.connect();
      try {
        await client.query({ text: 'WITH x AS (SELECT 3) SELECT * FROM x' });
        const submitted = client.query(new pg.Query('SELECT 4'));
        await new Promise((resolve, reject) => submitted.on('end', resolve).on('error', reject));
      } finally {
        client.release();
      }
    });
    const spans = clientSpans();
    expect(spans.map((s) => s.name)).toEqual([
      `SELECT ${testServers.pgDatabase}`,
      `SELECT ${testServers.pgDatabase}`,
      `WITH ${testServers.pgDatabase}`,
      `SELECT ${testServers.pgDatabase}`,
    ]);
    for (const span of spans) {
      expect(span.parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
      expect(span.status.code).toBe(SpanStatusCode.UNSET);
    }
    expect(spans[1]?.attributes).toEqual({
      'db.system.name': 'postgresql',
      'db.namespace': testServers.pgDatabase,
      'db.operation.name': 'SELECT',
      'db.query.text': 'select $1::int AS two',
      'server.address': testServers.pgHost,
      'server.port': testServers.pgPort,
    });
  });

  it('marks a failed query with its SQLSTATE', async () => {
    await inSpan(() => expect(pool.query('SELECT * FROM no_such_table')).rejects.toThrow());
    const [span] = clientSpans();
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);
    expect(span?.attributes['error.type']).toBe('42P01');
    expect(span?.events.map((e) => e.name)).toEqual(['exception']);
  });

  it('gives a query that waited for a pooled client the parent of its caller', async () => {
    // max: 1, so the second request's query waits until the first releases.
    const client = await pool.connect();
    const first = inSpan(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      await client.query('SELECT 1');
      client.release();
    });
    const second = inSpan(() => pool.query('SELECT 2'));
    const [a, b] = await Promise.all([first, second]);
    const parents = clientSpans().map((s) => [
      s.attributes['db.query.text'],
      s.parentSpanContext?.spanId,
    ]);
    expect(parents).toEqual([
      ['SELECT 1', a.spanContext().spanId],
      ['SELECT 2', b.spanContext().spanId],
    ]);
  });

  it('records nothing outside a span or under an unsampled one, and cuts long texts', async () => {
    await pool.query('SELECT 1');
    await inSpan(() => pool.query('SELECT 1'), unsampled);
    expect(clientSpans()).toEqual([]);
    const long = `SELECT 1 ${'-- padding\n'.repeat(MAX_QUERY_TEXT / 5)}`;
    await inSpan(() => pool.query(long));
    expect(clientSpans()[0]?.attributes['db.query.text']).toBe(long.slice(0, MAX_QUERY_TEXT));
  });

  it('names the operation after the first keyword', () => {
    expect(operationName('  insert into t values (1)')).toBe('INSERT');
    expect(operationName('-- comment\nSELECT 1')).toBeUndefined();
  });
});

describe('Redis command spans', () => {
  const lifecycle = recordingLifecycle();
  const url = new URL(testServers.redisUrl);

  it('traces commands under the active span, and nothing outside one', async () => {
    // Connecting sends commands of its own (INFO for the ready check): no spans.
    const redis = await createRedis(
      { REDIS_ENDPOINT: testServers.redisUrl },
      lifecycle,
      recordingLogger(),
    ).connect();
    await redis.ping();
    const parent = await inSpan(async () => {
      await redis.set('msp:spans', '1', 'EX', 10);
      await expect(redis.call('NO_SUCH_COMMAND')).rejects.toThrow(/unknown command/);
    });
    await lifecycle.closeAll();
    const spans = clientSpans();
    expect(spans.map((s) => [s.name, s.status.code])).toEqual([
      ['SET', SpanStatusCode.UNSET],
      ['NO_SUCH_COMMAND', SpanStatusCode.ERROR],
    ]);
    expect(spans[0]?.parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
    expect(spans[0]?.attributes).toEqual({
      'db.system.name': 'redis',
      'db.namespace': '0',
      'db.operation.name': 'SET',
      'server.address': url.hostname,
      'server.port': Number(url.port || 6379),
    });
    expect(spans[1]?.attributes['error.type']).toBe('ReplyError');
  });
});
