import { variable } from '@msp/runtime';

/** What the item cache reads. */
export const cacheConfig = {
  cacheTtlMs: variable.duration('CACHE_TTL', {
    description: 'How long item reads stay cached in Redis.',
    default: 60_000,
    min: 1000,
  }),
  cacheKeyPrefix: variable.string('CACHE_KEY_PREFIX', {
    description: 'Prefix of the Redis keys of the cache.',
    default: 'msp-example:',
  }),
};
