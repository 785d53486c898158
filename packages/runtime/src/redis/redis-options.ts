import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CUSTOM_CERTS_DIR, REDIS_CA_CERT_FILE } from '@msp/spec/contract';
import type { ConnectionOptions } from 'node:tls';
import { IntegrationConfigError, envValue, type RuntimeEnv } from '../telemetry/runtime-types.js';

/** The Redis URL from `REDIS_ENDPOINT`, or undefined when Redis is not configured. */
export function redisEndpoint(env: RuntimeEnv): URL | undefined {
  const endpoint = envValue(env, 'REDIS_ENDPOINT');
  if (endpoint === undefined) return undefined;
  const url = URL.canParse(endpoint) ? new URL(endpoint) : undefined;
  if (url === undefined || !['redis:', 'rediss:'].includes(url.protocol) || url.hostname === '') {
    throw new IntegrationConfigError('Redis', [
      'REDIS_ENDPOINT: expected redis://[:password@]host[:port][/db] or rediss:// for TLS',
    ]);
  }
  return url;
}

/**
 * Directories searched for the Memorystore server CA: those of `SSL_CERT_DIR`
 * (msp sets it to include the mounted custom-certs directory), then
 * {@link CUSTOM_CERTS_DIR}. Node does not read `SSL_CERT_DIR` itself.
 */
export function caDirectories(env: RuntimeEnv): string[] {
  const fromEnv = (envValue(env, 'SSL_CERT_DIR') ?? '').split(':').filter((dir) => dir !== '');
  return [...new Set([...fromEnv, CUSTOM_CERTS_DIR])];
}

/** The first `redis-ca-cert.pem` found in `dirs`, or undefined. */
export async function findRedisCa(
  dirs: readonly string[],
): Promise<{ path: string; pem: string } | undefined> {
  for (const dir of dirs) {
    const path = join(dir, REDIS_CA_CERT_FILE);
    try {
      return { path, pem: await readFile(path, 'utf8') };
    } catch {
      // Not in this directory; try the next.
    }
  }
  return undefined;
}

/** The subset of ioredis options msp sets. */
export interface RedisConnectionOptions {
  readonly host: string;
  readonly port: number;
  readonly username?: string;
  readonly password?: string;
  readonly db: number;
  readonly tls?: ConnectionOptions;
  readonly lazyConnect: boolean;
  readonly connectTimeout: number;
}

/** ioredis options for `url`; `ca` is trusted for `rediss://` when given. */
export function redisOptions(url: URL, ca: string | undefined): RedisConnectionOptions {
  const db = url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0;
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port === '' ? 6379 : Number(url.port),
    ...(url.username === '' ? {} : { username: decodeURIComponent(url.username) }),
    ...(url.password === '' ? {} : { password: decodeURIComponent(url.password) }),
    db: Number.isInteger(db) ? db : 0,
    // Rediss: double-s is Redis over TLS (Memorystore with in-transit encryption).
    ...(url.protocol === 'rediss:' ? { tls: ca === undefined ? {} : { ca } } : {}),
    lazyConnect: true,
    connectTimeout: 5_000,
  };
}
