import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRegistry {
  /** `127.0.0.1:<port>`, the registry host of image references. */
  readonly host: string;
  /** Serves `manifest` for `repository:tag` from now on; returns its digest. */
  publish(repository: string, tag: string, manifest: string): string;
  /** Manifest requests so far, as `METHOD path`. */
  readonly requests: string[];
  close(): Promise<void>;
}

/** A local Docker Registry HTTP API v2 (anonymous, manifests only), for subscription deploys. */
export async function startFakeRegistry(): Promise<FakeRegistry> {
  const manifests = new Map<string, string>();
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const match = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(req.url ?? '');
    const manifest = match === null ? undefined : manifests.get(`${match[1]}:${match[2]}`);
    if (manifest === undefined) return void res.writeHead(404).end();
    res
      .writeHead(200, {
        'Content-Type': 'application/vnd.oci.image.index.v1+json',
        'Docker-Content-Digest': digest(manifest),
      })
      .end(req.method === 'HEAD' ? undefined : manifest);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    requests,
    publish(repository, tag, manifest) {
      manifests.set(`${repository}:${tag}`, manifest);
      return digest(manifest);
    },
    close: () => new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

function digest(manifest: string): string {
  return `sha256:${createHash('sha256').update(manifest).digest('hex')}`;
}
