import { createHash } from 'node:crypto';
import { isMspError, MspError } from '@msp/spec/errors';
import { parseImageReference } from './image-reference.js';

/** Resolves an image tag to an immutable reference. */
export interface ImageTagResolver {
  /** Resolves `tag` of repository `image` to `tag@sha256:<digest>`. */
  resolve(image: string, tag: string): Promise<string>;
}

/** Credentials for a registry's token endpoint (HTTP Basic), e.g. `oauth2accesstoken` + a Google access token. */
export interface RegistryCredentials {
  readonly username: string;
  readonly password: string;
}

export interface RegistryResolverOptions {
  /** @default globalThis.fetch */
  readonly fetch?: typeof fetch;
  /** Credentials per registry host; `undefined` means anonymous. */
  readonly credentials?: (host: string) => Promise<RegistryCredentials | undefined>;
  /** Hosts spoken to over plain HTTP (local registries in tests). */
  readonly plainHTTPHosts?: readonly string[];
  /**
   * Longest wait for one registry request; a network that drops packets then
   * counts as unreachable instead of stalling generation. @default 15000
   */
  readonly timeoutMs?: number;
}

/**
 * The registry could not be reached at all (no network, DNS, refused): no
 * answer about the tag. Code `registry-unreachable`.
 */
export class RegistryUnreachableError extends MspError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('registry-unreachable', message, options);
  }
}

/** True for a {@link RegistryUnreachableError}, also from another copy of this package. */
export function isRegistryUnreachable(error: unknown): error is RegistryUnreachableError {
  return isMspError(error, 'registry-unreachable');
}

/** Manifest media types, so registries answer with the digest clients pull (index first). */
const MANIFEST_ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

/**
 * A Docker Registry HTTP API v2 client: `HEAD /v2/<name>/manifests/<tag>`,
 * following the bearer-token challenge (anonymously or with credentials),
 * reading `Docker-Content-Digest` (or hashing the manifest when a registry
 * omits it).
 */
export function registryResolver(options: RegistryResolverOptions = {}): ImageTagResolver {
  const rawFetch = options.fetch ?? globalThis.fetch;
  // fetch rejects only when there is no HTTP answer at all.
  const timeoutMs = options.timeoutMs ?? 15_000;
  const doFetch: typeof fetch = async (input, init) => {
    try {
      return await rawFetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      const host = new URL(String(input instanceof Request ? input.url : input)).host;
      const cause = error instanceof Error ? (error.cause ?? error) : error;
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new RegistryUnreachableError(`cannot reach ${host}: ${reason}`, { cause: error });
    }
  };
  const plain = new Set(options.plainHTTPHosts ?? []);
  return {
    async resolve(image, tag) {
      const { host, repository } = parseImageReference(image);
      const base = `${plain.has(host) ? 'http' : 'https'}://${host}`;
      const url = `${base}/v2/${repository}/manifests/${encodeURIComponent(tag)}`;
      const where = `${image}:${tag}`;
      let auth: string | undefined;
      let res = await doFetch(url, { method: 'HEAD', headers: { Accept: MANIFEST_ACCEPT } });
      if (res.status === 401) {
        const credentials = await options.credentials?.(host);
        auth = await bearerToken(
          doFetch,
          res.headers.get('www-authenticate'),
          repository,
          credentials,
          where,
        );
        res = await doFetch(url, {
          method: 'HEAD',
          headers: { Accept: MANIFEST_ACCEPT, Authorization: auth },
        });
      }
      if (res.status === 404) throw new Error(`${where}: tag not found in the registry`);
      if (!res.ok)
        throw new Error(`${where}: registry answered ${res.status} ${res.statusText} for ${url}`);
      let digest = res.headers.get('docker-content-digest');
      if (digest === null) {
        const get = await doFetch(url, {
          headers: {
            Accept: MANIFEST_ACCEPT,
            ...(auth === undefined ? {} : { Authorization: auth }),
          },
        });
        if (!get.ok)
          throw new Error(`${where}: registry answered ${get.status} fetching the manifest`);
        digest = `sha256:${createHash('sha256')
          .update(Buffer.from(await get.arrayBuffer()))
          .digest('hex')}`;
      }
      if (!/^sha256:[0-9a-f]{64}$/.test(digest))
        throw new Error(`${where}: unexpected digest "${digest}"`);
      return `${tag}@${digest}`;
    },
  };
}

/** Parses `Bearer realm="...",service="...",scope="..."`. */
export function parseChallenge(header: string): Record<string, string> | undefined {
  const m = /^Bearer\s+(.*)$/i.exec(header.trim());
  if (m?.[1] === undefined) return undefined;
  const params: Record<string, string> = {};
  for (const p of m[1].matchAll(/([a-zA-Z_]+)="([^"]*)"/g))
    if (p[1] && p[2] !== undefined) params[p[1]] = p[2];
  return params;
}

async function bearerToken(
  doFetch: typeof fetch,
  challenge: string | null,
  repository: string,
  credentials: RegistryCredentials | undefined,
  where: string,
): Promise<string> {
  const params = challenge === null ? undefined : parseChallenge(challenge);
  const realm = params?.['realm'];
  if (realm === undefined)
    throw new Error(`${where}: registry requires authentication without a bearer challenge`);
  const url = new URL(realm);
  if (params?.['service'] !== undefined) url.searchParams.set('service', params['service']);
  url.searchParams.set('scope', params?.['scope'] ?? `repository:${repository}:pull`);
  const headers: Record<string, string> = {};
  if (credentials !== undefined) {
    headers['Authorization'] =
      `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
  }
  const res = await doFetch(url, { headers });
  if (!res.ok) {
    throw new Error(
      `${where}: token endpoint answered ${res.status}` +
        (credentials === undefined
          ? ' (the image may be private: configure registry credentials)'
          : ''),
    );
  }
  const body = (await res.json()) as { token?: unknown; access_token?: unknown };
  const token = typeof body.token === 'string' ? body.token : body.access_token;
  if (typeof token !== 'string') throw new Error(`${where}: token endpoint returned no token`);
  return `Bearer ${token}`;
}
