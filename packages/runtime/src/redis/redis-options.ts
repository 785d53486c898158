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

/**
 * How the shared Redis client bounds every call, so that a lost Redis fails
 * requests (and the health check) within `commandTimeoutMs` instead of
 * queueing them. Pass overrides to `contract.redis.connect(options)`.
 */
export interface RedisClientOptions {
  /**
   * A command without a reply after this long fails ("Command timed out"); a
   * connection that stays silent this long while a reply is due is dropped and
   * reconnected. @default 1000
   */
  readonly commandTimeoutMs?: number;
  /** How long establishing a connection may take. @default 2000 */
  readonly connectTimeoutMs?: number;
  /**
   * Queue commands while disconnected (until reconnected, or for
   * `maxRetriesPerRequest` reconnections). Off by default: while Redis is
   * away, commands fail at once. @default false
   */
  readonly offlineQueue?: boolean;
  /**
   * Reconnections a command in flight or queued may wait for before it fails.
   * @default 1
   */
  readonly maxRetriesPerRequest?: number;
}

/** The defaults of {@link RedisClientOptions}. */
export const REDIS_CLIENT_DEFAULTS: Required<RedisClientOptions> = {
  commandTimeoutMs: 1_000,
  connectTimeoutMs: 2_000,
  offlineQueue: false,
  maxRetriesPerRequest: 1,
};

/** Longest wait between reconnection attempts. */
const MAX_RECONNECT_DELAY_MS = 1_000;

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
  readonly commandTimeout: number;
  readonly socketTimeout: number;
  readonly enableOfflineQueue: boolean;
  readonly maxRetriesPerRequest: number;
  readonly retryStrategy: (attempt: number) => number;
}

/**
 * ioredis options for `url`; `ca` is trusted for `rediss://` when given.
 * @throws Error when an option of `client` is not a non-negative integer
 */
export function redisOptions(
  url: URL,
  ca: string | undefined,
  client: RedisClientOptions = {},
): RedisConnectionOptions {
  const bounds = { ...REDIS_CLIENT_DEFAULTS, ...client };
  for (const key of ['commandTimeoutMs', 'connectTimeoutMs', 'maxRetriesPerRequest'] as const) {
    const value = bounds[key];
    if (!Number.isInteger(value) || value < (key === 'maxRetriesPerRequest' ? 0 : 1)) {
      throw new Error(
        `redis.connect(): ${key} must be ${key === 'maxRetriesPerRequest' ? 'a non-negative' : 'a positive'} integer, got ${String(value)}`,
      );
    }
  }
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
    connectTimeout: bounds.connectTimeoutMs,
    commandTimeout: bounds.commandTimeoutMs,
    // A connection that owes a reply and stays silent this long is dead
    // (a peer that stopped answering): drop it so the client reconnects.
    socketTimeout: bounds.commandTimeoutMs,
    enableOfflineQueue: bounds.offlineQueue,
    maxRetriesPerRequest: bounds.maxRetriesPerRequest,
    retryStrategy: (attempt) => Math.min(attempt * 100, MAX_RECONNECT_DELAY_MS),
  };
}
