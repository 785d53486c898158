import type { Redis } from 'ioredis';
import type { Lifecycle } from '../lifecycle.js';
import { raceAbort, type RuntimeEnv, type StructuredLogger } from '../telemetry/runtime-types.js';
import { caDirectories, findRedisCa, redisEndpoint, redisOptions } from './redis-options.js';
import { tracedRedis } from './traced-redis.js';

export interface RedisClientFactory {
  /** True when `REDIS_ENDPOINT` is set. */
  readonly configured: boolean;
  /**
   * The shared client, connected on first call (later calls return it).
   * Registers a `redis` health check (PING) and a closer (QUIT).
   * @throws Error when Redis is not configured or the first connection fails.
   */
  connect(): Promise<Redis>;
}

export interface RedisFactoryOptions {
  /** Directories searched for the server CA. @default from SSL_CERT_DIR, then the custom-certs dir */
  readonly caDirectories?: readonly string[];
}

/**
 * Redis from `REDIS_ENDPOINT`. For `rediss://` the CA that msp mounts for
 * Memorystore is trusted; ioredis reconnects on its own after a connection
 * loss, and the health check reports unhealthy until it has.
 * @throws IntegrationConfigError when `REDIS_ENDPOINT` is not a Redis URL.
 */
export function createRedis(
  env: RuntimeEnv,
  lifecycle: Lifecycle,
  logger: StructuredLogger,
  options: RedisFactoryOptions = {},
): RedisClientFactory {
  const url = redisEndpoint(env);
  let client: Promise<Redis> | undefined;

  const open = async (endpoint: URL): Promise<Redis> => {
    const ca =
      endpoint.protocol === 'rediss:'
        ? await findRedisCa(options.caDirectories ?? caDirectories(env))
        : undefined;
    if (endpoint.protocol === 'rediss:' && ca === undefined) {
      logger.warn('no Redis CA certificate found; trusting the system CAs only');
    }
    // The default export is the CommonJS module under Node, jest and bundlers alike.
    const { Redis: RedisClass } = (await import('ioredis')).default;
    const redis = tracedRedis(RedisClass, redisOptions(endpoint, ca?.pem));
    watchConnection(redis, logger);
    await connectOrExplain(redis, endpoint);
    lifecycle.addHealthCheck({
      name: 'redis',
      check: async (signal) => {
        const reply = await raceAbort(redis.ping(), signal);
        if (reply !== 'PONG') throw new Error(`unexpected PING reply: ${reply}`);
      },
    });
    lifecycle.addCloser({ name: 'redis', close: () => quit(redis) });
    return redis;
  };

  return {
    configured: url !== undefined,
    connect() {
      if (url === undefined) {
        return Promise.reject(new Error('Redis is not configured: set REDIS_ENDPOINT'));
      }
      client ??= open(url);
      client.catch(() => (client = undefined));
      return client;
    },
  };
}

/**
 * Connects, or disconnects and throws the reason: `connect()` itself rejects
 * with "Connection is closed"; the cause (TLS, AUTH, refused) arrives as an
 * 'error' event.
 */
async function connectOrExplain(redis: Redis, endpoint: URL): Promise<void> {
  let cause: Error | undefined;
  const recordCause = (error: Error): void => {
    cause ??= error;
  };
  redis.on('error', recordCause);
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    const reason = cause?.message ?? (error instanceof Error ? error.message : String(error));
    throw new Error(`cannot connect to Redis at ${endpoint.host}: ${reason}`, {
      cause: cause ?? error,
    });
  } finally {
    redis.off('error', recordCause);
  }
}

/** Logs a lost connection once, and its recovery, not every retry. */
function watchConnection(redis: Redis, logger: StructuredLogger): void {
  let lost = false;
  redis.on('error', (error: Error) => {
    if (!lost) logger.warn('redis connection error', { error: error.message });
    lost = true;
  });
  redis.on('ready', () => {
    if (lost) logger.info('redis connection restored');
    lost = false;
  });
}

/** QUIT, then wait for the socket to close; disconnect if that takes too long. */
async function quit(redis: Redis, timeoutMs = 2_000): Promise<void> {
  if (redis.status === 'end') return;
  const ended = new Promise<void>((resolve) => redis.once('end', () => resolve()));
  const timer = setTimeout(() => redis.disconnect(), timeoutMs);
  try {
    await redis.quit();
  } catch {
    redis.disconnect();
  }
  await ended;
  clearTimeout(timer);
}
