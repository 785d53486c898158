import { registryResolver, type ImageTagResolver } from '../../src/image-tags/registry-resolver.js';
import { resolveImageTags } from '../../src/image-tags/resolve-image-tags.js';
import type { ResolvedEnvironment } from '@msp/spec';
import { resolvedEnvironment, resolvedSpec } from '../support/resolved-fixture.js';
import { startFakeRegistry } from './fake-registry.js';

let envs: ResolvedEnvironment[];
beforeAll(async () => {
  envs = [
    await resolvedEnvironment({ deploy: { type: 'subscription', tag: 'insiders' } }),
    await resolvedEnvironment({
      id: 'prod',
      category: 'external',
      deploy: { type: 'manual', tag: 'v1' },
    }),
  ];
});

/** Counts calls; answers a fixed digest. */
function countingResolver(digest: string): ImageTagResolver & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    resolve: async (image, tag) => (calls.push(`${image}:${tag}`), `${tag}@${digest}`),
  };
}

const D1 = `sha256:${'1'.repeat(64)}`;
const D2 = `sha256:${'2'.repeat(64)}`;

describe('resolveImageTags', () => {
  it('resolves the subscription environments only, through a real registry', async () => {
    const registry = await startFakeRegistry({
      manifests: { 'team/sub': { insiders: '{"schemaVersion":2}' } },
    });
    try {
      const resolved = await resolvedSpec({
        build: { image: `${registry.host}/team/sub` },
        environments: envs,
      });
      const imageTags = await resolveImageTags(
        resolved,
        registryResolver({ plainHTTPHosts: [registry.host] }),
      );
      expect(imageTags).toEqual({ dev: `insiders@${registry.digestOf('team/sub', 'insiders')}` });
    } finally {
      await registry.close();
    }
  });

  it('resolves again when the subscribed tag no longer matches the lock', async () => {
    const resolver = countingResolver(D2);
    const resolved = await resolvedSpec({ environments: envs });
    const lock = { dev: { image: resolved.build.image, tag: 'main', digest: D1 } };
    await expect(resolveImageTags(resolved, resolver, { lock })).resolves.toEqual({
      dev: `insiders@${D2}`,
    });
    expect(resolver.calls).toEqual(['ghcr.io/example/billing:insiders']);
  });

  it('reports every environment that fails at once', async () => {
    const failing: ImageTagResolver = {
      resolve: async (_image, tag) => Promise.reject(new Error(`no ${tag}`)),
    };
    const two = [
      envs[0],
      await resolvedEnvironment({ id: 'stg', deploy: { type: 'subscription', tag: 'main' } }),
    ].filter((e) => e !== undefined);
    await expect(
      resolveImageTags(await resolvedSpec({ environments: two }), failing),
    ).rejects.toThrow(
      'cannot resolve subscription image tags:\n  environment "dev": no insiders\n  environment "stg": no main',
    );
  });
});
