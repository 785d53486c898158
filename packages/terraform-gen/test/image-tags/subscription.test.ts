import {
  parseTfvars,
  registryResolver,
  renderStackSet,
  resolveImageTags,
  synthesize,
  type ImageTagResolver,
} from '../../src/index.js';
import { environment, platformConfig, serviceInfo, spec } from '../fixtures/base.js';
import { expectResource, stackOf } from '../expect-resource.js';
import { startFakeRegistry } from './fake-registry.js';

const service = serviceInfo('sub');
const envs = [
  environment(service, {
    id: 'dev',
    category: 'test',
    deploy: { type: 'subscription', tag: 'insiders' },
  }),
  environment(service, { id: 'prod', category: 'external', deploy: { type: 'manual', tag: 'v1' } }),
];

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

describe('subscription deploys', () => {
  it('resolves through a real registry and pins the image through terraform.tfvars', async () => {
    const registry = await startFakeRegistry({
      manifests: { 'team/sub': { insiders: '{"schemaVersion":2}' } },
    });
    try {
      const resolved = spec(service, envs, { build: { image: `${registry.host}/team/sub` } });
      const imageTags = await resolveImageTags(
        resolved,
        registryResolver({ plainHTTPHosts: [registry.host] }),
      );
      const digest = registry.digestOf('team/sub', 'insiders');
      expect(imageTags).toEqual({ dev: `insiders@${digest}` });

      const set = synthesize(resolved, platformConfig(), { imageTags });
      const dev = stackOf(set, 'dev', 'cloudrun');
      expectResource(dev, 'google_cloud_run_v2_service', {
        template: [
          { containers: [{ image: `${registry.host}/team/sub:\${var.resolved_image_tag}` }] },
        ],
      });
      expect(dev.document.variable).toEqual({
        resolved_image_tag: { type: 'string', description: expect.stringContaining('"insiders"') },
      });
      const files = renderStackSet(set);
      expect(files.get('terraform/dev/stacks/cloudrun/terraform.tfvars')).toBe(
        `resolved_image_tag = "insiders@${digest}"\n`,
      );
      expect(files.has('terraform/prod/stacks/cloudrun/terraform.tfvars')).toBe(false);
    } finally {
      await registry.close();
    }
  });

  it('keeps the existing resolved tag in stable mode, without asking the registry', async () => {
    const resolver = countingResolver(D2);
    const existing = { dev: parseTfvars(`resolved_image_tag = "insiders@${D1}"\n`) };
    await expect(resolveImageTags(spec(service, envs), resolver, { existing })).resolves.toEqual({
      dev: `insiders@${D1}`,
    });
    expect(resolver.calls).toEqual([]);
  });

  it('resolves again when not stable, or when the subscribed tag changed', async () => {
    const resolver = countingResolver(D2);
    const existing = { dev: { resolved_image_tag: `main@${D1}` } };
    await expect(resolveImageTags(spec(service, envs), resolver, { existing })).resolves.toEqual({
      dev: `insiders@${D2}`,
    });
    await expect(
      resolveImageTags(spec(service, envs), resolver, {
        existing: { dev: { resolved_image_tag: `insiders@${D1}` } },
        stable: false,
      }),
    ).resolves.toEqual({ dev: `insiders@${D2}` });
    expect(resolver.calls).toEqual([
      'us.gcr.io/example-public/sub:insiders',
      'us.gcr.io/example-public/sub:insiders',
    ]);
  });

  it('reports every environment that fails at once', async () => {
    const failing: ImageTagResolver = {
      resolve: async (_image, tag) => Promise.reject(new Error(`no ${tag}`)),
    };
    const two = [
      envs[0],
      environment(service, {
        id: 'stg',
        category: 'test',
        deploy: { type: 'subscription', tag: 'main' },
      }),
    ].filter((e) => e !== undefined);
    await expect(resolveImageTags(spec(service, two), failing)).rejects.toThrow(
      'cannot resolve subscription image tags:\n  environment "dev": no insiders\n  environment "stg": no main',
    );
  });

  it('round-trips tfvars values', () => {
    expect(
      parseTfvars('# comment\nresolved_image_tag = "a@sha256:x"\nother = "q\\"uote"\n'),
    ).toEqual({
      resolved_image_tag: 'a@sha256:x',
      other: 'q"uote',
    });
  });

  it('skips tfvars lines it cannot decode instead of throwing', () => {
    // Found by fuzzing the generated files read back: a broken escape threw a SyntaxError.
    const values = parseTfvars('a = "\\u00"\n__proto__ = "x"\nb = "ok"\n');
    expect(values).toEqual({ ['__proto__']: 'x', b: 'ok' });
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
  });
});
