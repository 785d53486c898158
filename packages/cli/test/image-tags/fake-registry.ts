/**
 * A local Docker Registry HTTP API v2 for tests: token auth like Docker Hub
 * and Artifact Registry (401 with a bearer challenge, a token endpoint that
 * may require Basic credentials), manifests by tag.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRegistry {
  readonly host: string;
  readonly requests: string[];
  /** Digest of a served manifest. */
  digestOf(repository: string, tag: string): string;
  close(): Promise<void>;
}

export interface FakeRegistryOptions {
  /** repository → tag → manifest body */
  readonly manifests: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** When set, the token endpoint requires these Basic credentials. */
  readonly basicAuth?: { readonly username: string; readonly password: string };
  /** Omit Docker-Content-Digest (some registries do), forcing the client to hash the manifest. */
  readonly omitDigestHeader?: boolean;
}

const TOKEN = 'test-registry-token';

export async function startFakeRegistry(options: FakeRegistryOptions): Promise<FakeRegistry> {
  const requests: string[] = [];
  const digest = (body: string) => `sha256:${createHash('sha256').update(body).digest('hex')}`;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://registry');
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    if (url.pathname === '/token') {
      const expected = options.basicAuth;
      if (expected !== undefined) {
        const basic = `Basic ${Buffer.from(`${expected.username}:${expected.password}`).toString('base64')}`;
        if (req.headers.authorization !== basic) return void res.writeHead(401).end();
      }
      if (
        url.searchParams.get('service') !== 'fake-registry' ||
        !url.searchParams.get('scope')?.endsWith(':pull')
      ) {
        return void res.writeHead(400).end();
      }
      res
        .writeHead(200, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ token: TOKEN }));
      return;
    }
    const m = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(url.pathname);
    if (m?.[1] === undefined || m[2] === undefined) return void res.writeHead(404).end();
    const [, repository, tag] = m;
    if (req.headers.authorization !== `Bearer ${TOKEN}`) {
      const realm = `http://${req.headers.host}/token`;
      res
        .writeHead(401, {
          'WWW-Authenticate': `Bearer realm="${realm}",service="fake-registry",scope="repository:${repository}:pull"`,
        })
        .end();
      return;
    }
    const body = options.manifests[repository]?.[decodeURIComponent(tag)];
    if (body === undefined) return void res.writeHead(404).end();
    const headers: Record<string, string> = {
      'Content-Type': 'application/vnd.oci.image.index.v1+json',
    };
    if (!options.omitDigestHeader) headers['Docker-Content-Digest'] = digest(body);
    res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    requests,
    digestOf: (repository, tag) => {
      const body = options.manifests[repository]?.[tag];
      if (body === undefined) throw new Error(`no manifest ${repository}:${tag}`);
      return digest(body);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
