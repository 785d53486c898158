import { renderStackSet, synthesize } from '../src/index.js';
import { environment, GCS_STATE, platformConfig, serviceInfo, spec } from './fixtures/base.js';
import { stackOf } from './expect-resource.js';

const service = serviceInfo('demo');
const environments = [environment(service, { id: 'dev', category: 'test' })];
const tfc = synthesize(spec(service, environments), platformConfig());
const gcsPlatform = platformConfig({ state: GCS_STATE });
const gcs = synthesize(spec(service, environments, {}, gcsPlatform), gcsPlatform);

describe('state and providers', () => {
  it('uses a Terraform Cloud workspace <prefix>-<svc>-<env>-<stack> per stack', () => {
    for (const name of ['project', 'iam', 'cloudrun'] as const) {
      expect(stackOf(tfc, 'dev', name).document.terraform?.cloud).toEqual({
        hostname: 'app.terraform.io',
        organization: 'example-org',
        workspaces: { name: `msp-demo-dev-${name}` },
      });
      expect(stackOf(tfc, 'dev', name).document.terraform?.backend).toBeUndefined();
    }
  });

  it('generates the tfcworkspaces stack only with Terraform Cloud', () => {
    expect(tfc.environments[0]?.stacks.map((s) => s.name)).toEqual([
      'project',
      'iam',
      'cloudrun',
      'monitoring',
      'tfcworkspaces',
    ]);
    expect(gcs.environments[0]?.stacks.map((s) => s.name)).toEqual([
      'project',
      'iam',
      'cloudrun',
      'monitoring',
    ]);
  });

  it('uses a GCS backend with prefix <prefix>/<svc>/<env>/<stack> per stack', () => {
    expect(stackOf(gcs, 'dev', 'iam').document.terraform?.backend).toEqual({
      gcs: { bucket: 'example-msp-terraform-state', prefix: 'msp/demo/dev/iam' },
    });
    expect(stackOf(gcs, 'dev', 'iam').document.terraform?.cloud).toBeUndefined();
  });

  it('reads earlier stacks through terraform_remote_state with either backend', () => {
    expect(stackOf(tfc, 'dev', 'cloudrun').document.data?.terraform_remote_state).toEqual({
      iam: {
        backend: 'remote',
        config: {
          hostname: 'app.terraform.io',
          organization: 'example-org',
          workspaces: { name: 'msp-demo-dev-iam' },
        },
      },
    });
    expect(stackOf(gcs, 'dev', 'cloudrun').document.data?.terraform_remote_state).toEqual({
      iam: {
        backend: 'gcs',
        config: { bucket: 'example-msp-terraform-state', prefix: 'msp/demo/dev/iam' },
      },
    });
  });

  it('pins google 7.x, random 3.x and the Terraform version, and never uses google-beta', () => {
    const iam = stackOf(tfc, 'dev', 'iam').document.terraform;
    expect(iam?.required_providers).toEqual({
      google: { source: 'hashicorp/google', version: '~> 7.9' },
      random: { source: 'hashicorp/random', version: '~> 3.7' },
    });
    expect(iam?.required_version).toBe('~> 1.11.4');
    for (const content of renderStackSet(tfc).values())
      expect(content).not.toContain('google-beta');
  });

  it('writes main.tf.json per stack and .terraform-version per environment, in sorted paths', () => {
    const files = renderStackSet(tfc);
    expect([...files.keys()]).toEqual([
      'terraform/dev/.terraform-version',
      'terraform/dev/stacks/cloudrun/main.tf.json',
      'terraform/dev/stacks/iam/main.tf.json',
      'terraform/dev/stacks/monitoring/main.tf.json',
      'terraform/dev/stacks/project/main.tf.json',
      'terraform/dev/stacks/tfcworkspaces/main.tf.json',
    ]);
    expect(files.get('terraform/dev/.terraform-version')).toBe('1.11.4\n');
    const json = String(files.get('terraform/dev/stacks/iam/main.tf.json') ?? '');
    expect(json.endsWith('}\n')).toBe(true);
    expect(json).toContain('\n  "resource": {');
  });
});
