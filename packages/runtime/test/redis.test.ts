import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRedis } from '../src/redis/create-redis.js';
import { caDirectories, findRedisCa, redisOptions } from '../src/redis/redis-options.js';
import { closedPort, requireServer, testServers } from './telemetry-support/servers.js';
import { recordingLifecycle, recordingLogger } from './telemetry-support/recording-lifecycle.js';
import { startRedisServer, stopProcess, waitFor } from './telemetry-support/redis-server.js';

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
      connectTimeout: 5_000,
    });
  });

  it('uses no TLS for redis://', () => {
    expect(redisOptions(new URL('redis://localhost/2'), 'PEM')).not.toHaveProperty('tls');
    expect(redisOptions(new URL('redis://localhost/2'), undefined).db).toBe(2);
  });
});
