import type { ConfigOf, Logger, RedisClientFactory } from '@msp/runtime';
import type { cacheConfig } from './config.js';

/** A read-through cache of JSON values. Failures are logged and read as misses. */
export interface JsonCache {
  /** `redis`, or `off` when Redis is not configured. */
  readonly kind: 'redis' | 'off';
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

const OFF: JsonCache = {
  kind: 'off',
  get: async () => undefined,
  set: async () => undefined,
  delete: async () => undefined,
};

/** A cache in Redis when it is given and configured (`REDIS_ENDPOINT`), else none. */
export async function openJsonCache(
  config: ConfigOf<typeof cacheConfig>,
  redisFactory: RedisClientFactory | undefined,
  logger: Logger,
): Promise<JsonCache> {
  if (redisFactory?.configured !== true) return OFF;
  const redis = await redisFactory.connect();
  const key = (name: string): string => `${config.cacheKeyPrefix}${name}`;
  const degrade =
    <T>(what: string, fallback: T) =>
    (error: unknown) => {
      logger.warn(`cache ${what} failed`, { error });
      return fallback;
    };
  return {
    kind: 'redis',
    get: async (name) => {
      const text = await redis.get(key(name)).catch(degrade('read', null));
      return text === null ? undefined : (JSON.parse(text) as unknown);
    },
    set: async (name, value) => {
      await redis
        .set(key(name), JSON.stringify(value), 'PX', config.cacheTtlMs)
        .catch(degrade('write', undefined));
    },
    delete: async (name) => {
      await redis.del(key(name)).catch(degrade('delete', undefined));
    },
  };
}
