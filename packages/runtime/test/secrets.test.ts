import { createServer } from 'node:http';
import { runFixture } from './telemetry-support/fixture-process.js';

/** A fake Secret Manager REST API: versions:access for two known secrets. */
const SECRETS: Record<string, string> = {
  'projects/proj/secrets/api-key/versions/latest': 'key-2',
  'projects/proj/secrets/api-key/versions/1': 'key-1',
};

describe('createSecretReader', () => {
  it('reads secret versions through the Secret Manager API with the credentials', async () => {
    const requests: { url: string; authorization: string | undefined }[] = [];
    const server = createServer((request, response) => {
      requests.push({ url: request.url ?? '', authorization: request.headers.authorization });
      const name = /^\/v1\/(.+):access/.exec(request.url ?? '')?.[1] ?? '';
      const value = SECRETS[decodeURIComponent(name)];
      response.writeHead(value === undefined ? 404 : 200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify(
          value === undefined
            ? { error: { code: 404, message: `Secret [${name}] not found`, status: 'NOT_FOUND' } }
            : { name, payload: { data: Buffer.from(value).toString('base64') } },
        ),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const address = server.address();
      if (address === null || typeof address === 'string') throw new Error('no port');
      const output = await runFixture('secret-reader.mjs', {
        GOOGLE_CLOUD_PROJECT: 'proj',
        FIXTURE_SECRETS_PORT: String(address.port),
        FIXTURE_SECRETS: 'api-key,api-key@1,missing,bad/name',
      });
      const results = output
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { value?: string; error?: string });
      expect(results.slice(0, 2)).toEqual([{ value: 'key-2' }, { value: 'key-1' }]);
      expect(results.at(-1)).toEqual({ closers: ['secret-manager'] });
      expect(results[2]?.error).toMatch(/not found/);
      expect(results[3]?.error).toMatch(/secret "bad\/name": expected a secret ID/);
      expect(requests.map((r) => r.url.split('?')[0])).toEqual([
        '/v1/projects/proj/secrets/api-key/versions/latest:access',
        '/v1/projects/proj/secrets/api-key/versions/1:access',
        '/v1/projects/proj/secrets/missing/versions/latest:access',
      ]);
      expect(requests.every((r) => r.authorization === 'Bearer secret-token')).toBe(true);
    } finally {
      server.close();
    }
  }, 20_000);
});
