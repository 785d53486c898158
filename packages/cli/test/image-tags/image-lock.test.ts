import { lockedTags, parseImageLock, renderImageLock } from '../../src/image-tags/image-lock.js';
import { registryResolver, type ImageTagResolver } from '../../src/image-tags/registry-resolver.js';
import { resolveImageTags } from '../../src/image-tags/resolve-image-tags.js';
import type { ResolvedSpec } from '@msp/spec';
import { resolvedEnvironment, resolvedSpec } from '../support/resolved-fixture.js';

let resolved: ResolvedSpec;
let image: string;
beforeAll(async () => {
  resolved = await resolvedSpec({
    environments: [
      await resolvedEnvironment({ deploy: { type: 'subscription', tag: 'insiders' } }),
    ],
  });
  image = resolved.build.image;
});
const D1 = `sha256:${'1'.repeat(64)}`;
const D2 = `sha256:${'2'.repeat(64)}`;

function resolverOf(answer: () => Promise<string>): ImageTagResolver & { calls: number } {
  const r = { calls: 0, resolve: () => (r.calls++, answer()) };
  return r;
}

describe('the image lock', () => {
  it('renders deterministically and reads back what it wrote', () => {
    const lock = { dev: { image, tag: 'insiders', digest: D1 } };
    const text = renderImageLock(lock);
    expect(text).toBe(renderImageLock({ ...lock }));
    expect(text.endsWith('\n')).toBe(true);
    expect(parseImageLock(text)).toEqual(lock);
  });

  it('ignores malformed text and entries', () => {
    expect(parseImageLock('not json')).toEqual({});
    expect(
      parseImageLock(
        JSON.stringify({ environments: { dev: { image, tag: 'x', digest: 'md5:1' } } }),
      ),
    ).toEqual({});
  });

  it('pins an environment only while its image and tag match', () => {
    const entry = { image, tag: 'insiders', digest: D1 };
    expect(lockedTags(resolved, { dev: entry })).toEqual({ dev: `insiders@${D1}` });
    expect(lockedTags(resolved, { dev: { ...entry, tag: 'main' } })).toEqual({});
    expect(lockedTags(resolved, { dev: { ...entry, image: 'other/image' } })).toEqual({});
  });

  it('is used without asking the registry while stable, and replaced by --no-stable', async () => {
    const resolver = resolverOf(async () => `insiders@${D2}`);
    const lock = { dev: { image, tag: 'insiders', digest: D1 } };
    expect(await resolveImageTags(resolved, resolver, { lock })).toEqual({ dev: `insiders@${D1}` });
    expect(resolver.calls).toBe(0);
    expect(await resolveImageTags(resolved, resolver, { lock, stable: false })).toEqual({
      dev: `insiders@${D2}`,
    });
  });
});

describe('an unpinned subscription with the registry unreachable', () => {
  // A real resolver over a fetch that never gets an HTTP answer, as without network.
  const unreachable = registryResolver({
    fetch: async () => {
      throw new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND ghcr.io') });
    },
  });

  it('falls back to the plain tag and reports it', async () => {
    const unpinned: string[] = [];
    const tags = await resolveImageTags(resolved, unreachable, {
      onUnpinned: (id, reason) => unpinned.push(`${id}: ${reason}`),
    });
    expect(tags).toEqual({ dev: 'insiders' });
    expect(unpinned).toEqual([
      `dev: cannot reach ${image.split('/')[0] ?? ''}: getaddrinfo ENOTFOUND ghcr.io`,
    ]);
  });

  it('counts a registry that never answers as unreachable', async () => {
    const silent = registryResolver({
      timeoutMs: 20,
      // Answers nothing until the request is aborted, like a network that drops packets.
      fetch: (_input, init) =>
        new Promise<Response>((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
        ),
    });
    const unpinned: string[] = [];
    expect(
      await resolveImageTags(resolved, silent, { onUnpinned: (id) => unpinned.push(id) }),
    ).toEqual({ dev: 'insiders' });
    expect(unpinned).toEqual(['dev']);
  });

  it('fails an explicit refresh', async () => {
    await expect(resolveImageTags(resolved, unreachable, { stable: false })).rejects.toThrow(
      'cannot resolve subscription image tags',
    );
  });

  it('still fails when the registry answers that the tag does not exist', async () => {
    const missing = resolverOf(async () => {
      throw new Error('tag not found in the registry');
    });
    await expect(resolveImageTags(resolved, missing, {})).rejects.toThrow('tag not found');
  });
});
