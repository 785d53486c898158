import type { Redis } from 'ioredis';
import type { Lifecycle } from '../lifecycle.js';
import { raceAbort, type RuntimeEnv, type StructuredLogger } from '../telemetry/runtime-types.js';
import {
  caDirectories,
  findRedisCa,
  redisEndpoint,
  redisOptions,
  type RedisClientOptions,
} from './redis-options.js';
import { tracedRedis } from './traced-redis.js';

export interface RedisClientFactory {
  /** True when `REDIS_ENDPOINT` is set. */
  readonly configured: boolean;
  /**
   * The shared client, connected on first call (later calls return it).
   * Every command is bounded (see {@link RedisClientOptions} for the
   * defaults); `options` apply from the first call, and a later call must
   * pass the same ones or none. Registers a `redis` health check (PING,
   * bounded the same way, so it fails together with requests) and a closer
   * (QUIT).
   * @throws Error when Redis is not configured, the first connection fails,
   *   or `options` are invalid or differ from the first call's.
   */
  connect(options?: RedisClientOptions): Promise<Redis>;
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
  let clientOptions: string | undefined;

  const open = async (endpoint: URL, bounds: RedisClientOptions): Promise<Redis> => {
    const ca =
      endpoint.protocol === 'rediss:'
        ? await findRedisCa(options.caDirectories ?? caDirectories(env))
        : undefined;
    if (endpoint.protocol === 'rediss:' && ca === undefined) {
      logger.warn('no Redis CA certificate found; trusting the system CAs only');
    }
    // The default export is the CommonJS module under Node, jest and bundlers alike.
    const { Redis: RedisClass } = (await import('ioredis')).default;
    const redis = tracedRedis(RedisClass, redisOptions(endpoint, ca?.pem, bounds));
    watchConnection(redis, logger);
    await connectOrExplain(redis, endpoint);
    lifecycle.addHealthCheck({
      name: 'redis',
      check: async (signal) => {
        const reply = await raceAbort(redis.ping(), signal);
        if (reply !== 'PONG') throw new Error(`unexpected PING reply: ${reply}`);
      },
    });
    lifecycle.addCloser({ name: 'redis', close: (signal) => quit(redis, signal) });
    return redis;
  };

  return {
    configured: url !== undefined,
    connect(options = {}) {
      if (url === undefined) {
        return Promise.reject(new Error('Redis is not configured: set REDIS_ENDPOINT'));
      }
      const requested = JSON.stringify(options);
      if (client !== undefined && requested !== '{}' && requested !== clientOptions) {
        return Promise.reject(
          new Error(
            `redis.connect(): the shared client was connected with ${clientOptions ?? '{}'}; pass the same options or none`,
          ),
        );
      }
      if (client === undefined) {
        clientOptions = requested;
        const opening = open(url, options);
        client = opening;
        opening.catch(() => (client = undefined));
      }
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

/**
 * QUIT, then wait for the socket to close. When the closer's deadline passes
 * (`signal` aborts) the connection is dropped at once. When Redis is not
 * connected (QUIT fails) the client disconnects and the closer fails, naming
 * why, so the shutdown is reported unclean.
 */
async function quit(redis: Redis, signal: AbortSignal | undefined): Promise<void> {
  if (redis.status === 'end') return;
  const ended = new Promise<void>((resolve) => redis.once('end', () => resolve()));
  const drop = (): void => redis.disconnect();
  signal?.addEventListener('abort', drop, { once: true });
  const status = redis.status;
  try {
    await redis.quit();
  } catch (error) {
    // Between reconnection attempts there is no socket, and ioredis emits no
    // 'end': stopping the reconnection timer is all there is to do.
    const waiting = redis.status === 'reconnecting';
    redis.disconnect();
    if (!waiting) await ended;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`QUIT failed while ${status} (${reason}); disconnected`, { cause: error });
  } finally {
    signal?.removeEventListener('abort', drop);
  }
  await ended;
}
