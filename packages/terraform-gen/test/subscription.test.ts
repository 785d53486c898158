import { parseTfvars, renderStackSet, synthesize } from '../src/index.js';
import { environment, platformConfig, serviceInfo, spec } from './fixtures/base.js';
import { expectResource, stackOf } from './expect-resource.js';

const service = serviceInfo('sub');
const envs = [
  environment(service, {
    id: 'dev',
    category: 'test',
    deploy: { type: 'subscription', tag: 'insiders' },
  }),
  environment(service, { id: 'prod', category: 'external', deploy: { type: 'manual', tag: 'v1' } }),
];

const D1 = `sha256:${'1'.repeat(64)}`;

describe('subscription deploys', () => {
  it('pins the given resolved image tag through terraform.tfvars', () => {
    const resolved = spec(service, envs, { build: { image: 'registry.example/team/sub' } });
    const set = synthesize(resolved, platformConfig(), { imageTags: { dev: `insiders@${D1}` } });
    const dev = stackOf(set, 'dev', 'cloudrun');
    expectResource(dev, 'google_cloud_run_v2_service', {
      template: [
        { containers: [{ image: 'registry.example/team/sub:${var.resolved_image_tag}' }] },
      ],
    });
    expect(dev.document.variable).toEqual({
      resolved_image_tag: { type: 'string', description: expect.stringContaining('"insiders"') },
    });
    const files = renderStackSet(set);
    expect(files.get('terraform/dev/stacks/cloudrun/terraform.tfvars')).toBe(
      `resolved_image_tag = "insiders@${D1}"\n`,
    );
    expect(files.has('terraform/prod/stacks/cloudrun/terraform.tfvars')).toBe(false);
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
