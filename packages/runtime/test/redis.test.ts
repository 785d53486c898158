import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRedis } from '../src/redis/create-redis.js';
import { caDirectories, findRedisCa, redisOptions } from '../src/redis/redis-options.js';
import { closedPort, requireServer, testServers } from './telemetry-support/servers.js';
import { recordingLifecycle, recordingLogger } from './telemetry-support/recording-lifecycle.js';
import { startRedisServer, stopProcess, waitFor } from './telemetry-support/redis-server.js';
import { tcpProxy } from './telemetry-support/tcp-proxy.js';

describe('createRedis when Redis stops answering', () => {
  beforeAll(() => requireServer('Redis'));

  const target = () => {
    const url = new URL(testServers.redisUrl);
    return { host: url.hostname, port: Number(url.port || 6379) };
  };

  it('fails commands and the health check within the command timeout, and recovers', async () => {
    const proxy = await tcpProxy(target());
    const lifecycle = recordingLifecycle();
    try {
      const redis = await createRedis(
        { REDIS_ENDPOINT: `redis://127.0.0.1:${proxy.port}` },
        lifecycle,
        recordingLogger(),
      ).connect({ commandTimeoutMs: 300 });
      expect(await redis.ping()).toBe('PONG');

      proxy.silence();
      const started = performance.now();
      const [get, probe] = await Promise.all([
        redis.get('msp-test:absent').then(
          () => 'answered',
          (error: unknown) => String(error),
        ),
        lifecycle.probe('redis', 2000),
      ]);
      const elapsed = performance.now() - started;
      expect(get).toMatch(/Command timed out|Socket timeout/);
      expect(probe).not.toBe('ok');
      // Both failed on the 300 ms command timeout, not the 2 s probe timeout.
      expect(elapsed).toBeLessThan(1500);

      // While the client reconnects to a silent peer, commands fail at once.
      await waitFor(async () => redis.status !== 'ready', 3000);
      const queued = performance.now();
      await expect(redis.get('msp-test:absent')).rejects.toThrow();
      expect(performance.now() - queued).toBeLessThan(1000);

      proxy.resume();
      await waitFor(async () => (await lifecycle.probe('redis', 500)) === 'ok', 10_000);
    } finally {
      await lifecycle.closeAll().catch(() => undefined);
      await proxy.stop();
    }
  }, 20_000);

  it('names Redis when QUIT cannot be sent, and still lets go of the connection', async () => {
    const proxy = await tcpProxy(target());
    const lifecycle = recordingLifecycle();
    try {
      const redis = await createRedis(
        { REDIS_ENDPOINT: `redis://127.0.0.1:${proxy.port}` },
        lifecycle,
        recordingLogger(),
      ).connect({ commandTimeoutMs: 200 });
      await proxy.stop();
      await waitFor(async () => redis.status !== 'ready', 3000);
      const closer = lifecycle.closers.find((c) => c.name === 'redis');
      await expect(closer?.close(new AbortController().signal)).rejects.toThrow(
        /QUIT failed while (connecting|reconnecting|connect|close) \(Stream isn't writeable.*\); disconnected/,
      );
      expect(redis.status).not.toBe('ready');
    } finally {
      await proxy.stop();
    }
  }, 20_000);

  it('drops the connection when the closer’s deadline passes during QUIT', async () => {
    const proxy = await tcpProxy(target());
    const lifecycle = recordingLifecycle();
    try {
      const redis = await createRedis(
        { REDIS_ENDPOINT: `redis://127.0.0.1:${proxy.port}` },
        lifecycle,
        recordingLogger(),
      ).connect({ commandTimeoutMs: 5000 });
      proxy.silence();
      const deadline = new AbortController();
      const closing = lifecycle.closers
        .find((c) => c.name === 'redis')
        ?.close(deadline.signal)
        .then(
          () => 'closed',
          (error: unknown) => String(error),
        );
      await new Promise((resolve) => setTimeout(resolve, 100));
      deadline.abort();
      await closing;
      expect(redis.status).toBe('end');
    } finally {
      await proxy.stop();
    }
  }, 20_000);

  it('refuses other options once the shared client is connected', async () => {
    const lifecycle = recordingLifecycle();
    const factory = createRedis(
      { REDIS_ENDPOINT: testServers.redisUrl },
      lifecycle,
      recordingLogger(),
    );
    const redis = await factory.connect({ commandTimeoutMs: 500 });
    try {
      expect(await factory.connect()).toBe(redis);
      expect(await factory.connect({ commandTimeoutMs: 500 })).toBe(redis);
      await expect(factory.connect({ commandTimeoutMs: 900 })).rejects.toThrow(
        'redis.connect(): the shared client was connected with {"commandTimeoutMs":500}; pass the same options or none',
      );
    } finally {
      await lifecycle.closeAll();
    }
  });
});

describe('createRedis against the local server', () => {
  beforeAll(() => requireServer('Redis'));

  it('connects from REDIS_ENDPOINT, runs commands, and closes', async () => {
    const lifecycle = recordingLifecycle();
    const factory = createRedis(
      { REDIS_ENDPOINT: testServers.redisUrl },
      lifecycle,
      recordingLogger(),
    );
    expect(factory.configured).toBe(true);
    const redis = await factory.connect();
    const key = `msp-test:${process.pid}`;
    await redis.set(key, 'value', 'EX', 10);
    expect(await redis.get(key)).toBe('value');
    expect(await redis.del(key)).toBe(1);
    expect(await factory.connect()).toBe(redis);
    expect(await lifecycle.probe('redis')).toBe('ok');
    await lifecycle.closeAll();
    expect(redis.status).toBe('end');
  });

  it('fails the first connection with the address when nothing listens', async () => {
    const port = await closedPort();
    const factory = createRedis(
      { REDIS_ENDPOINT: `redis://127.0.0.1:${port}` },
      recordingLifecycle(),
      recordingLogger(),
    );
    await expect(factory.connect()).rejects.toThrow(`cannot connect to Redis at 127.0.0.1:${port}`);
  });

  it('goes unhealthy when the server stops and recovers when it restarts', async () => {
    const port = await closedPort();
    let server = await startRedisServer(port);
    const lifecycle = recordingLifecycle();
    const logger = recordingLogger();
    try {
      await createRedis(
        { REDIS_ENDPOINT: `redis://127.0.0.1:${port}` },
        lifecycle,
        logger,
      ).connect();
      expect(await lifecycle.probe('redis')).toBe('ok');

      await stopProcess(server);
      expect(await lifecycle.probe('redis', 500)).not.toBe('ok');
      // Reconnection attempts fail while the server is down, and that is logged once.
      await waitFor(async () => logger.lines.length > 0);

      server = await startRedisServer(port);
      await waitFor(async () => (await lifecycle.probe('redis', 500)) === 'ok');
      expect(logger.lines.map((l) => l.message)).toEqual([
        'redis connection error',
        'redis connection restored',
      ]);
    } finally {
      await lifecycle.closeAll();
      await stopProcess(server);
    }
  });

  it('is not configured without REDIS_ENDPOINT', async () => {
    const factory = createRedis({}, recordingLifecycle(), recordingLogger());
    expect(factory.configured).toBe(false);
    await expect(factory.connect()).rejects.toThrow('set REDIS_ENDPOINT');
  });

  it('rejects an endpoint that is not a Redis URL', () => {
    expect(() =>
      createRedis({ REDIS_ENDPOINT: 'http://x' }, recordingLifecycle(), recordingLogger()),
    ).toThrow('REDIS_ENDPOINT: expected redis://');
  });
});

describe('Redis TLS options', () => {
  it('trusts the CA found in SSL_CERT_DIR for rediss:// and passes the AUTH string', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'msp-redis-ca-'));
    await writeFile(join(dir, 'redis-ca-cert.pem'), 'PEM');
    const dirs = caDirectories({ SSL_CERT_DIR: `/nonexistent:${dir}` });
    expect(dirs).toEqual(['/nonexistent', dir, '/etc/ssl/custom-certs']);
    const ca = await findRedisCa(dirs);
    expect(ca).toEqual({ path: join(dir, 'redis-ca-cert.pem'), pem: 'PEM' });
    expect(redisOptions(new URL('rediss://:s%40cret@10.0.0.3:6378'), ca?.pem)).toEqual({
      host: '10.0.0.3',
      port: 6378,
      password: 's@cret',
      db: 0,
      tls: { ca: 'PEM' },
      lazyConnect: true,
      connectTimeout: 2_000,
      commandTimeout: 1_000,
      socketTimeout: 1_000,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy: expect.any(Function),
    });
  });

  it('bounds every call by default and takes overrides', () => {
    const url = new URL('redis://localhost');
    const options = redisOptions(url, undefined, { commandTimeoutMs: 250, offlineQueue: true });
    expect(options).toMatchObject({
      commandTimeout: 250,
      socketTimeout: 250,
      enableOfflineQueue: true,
      maxRetriesPerRequest: 1,
    });
    expect([1, 5, 50].map((attempt) => options.retryStrategy(attempt))).toEqual([100, 500, 1000]);
    expect(() => redisOptions(url, undefined, { commandTimeoutMs: 0 })).toThrow(
      'redis.connect(): commandTimeoutMs must be a positive integer, got 0',
    );
    expect(() => redisOptions(url, undefined, { maxRetriesPerRequest: -1 })).toThrow(
      'maxRetriesPerRequest must be a non-negative integer, got -1',
    );
  });

  it('uses no TLS for redis://', () => {
    expect(redisOptions(new URL('redis://localhost/2'), 'PEM')).not.toHaveProperty('tls');
    expect(redisOptions(new URL('redis://localhost/2'), undefined).db).toBe(2);
  });
});
