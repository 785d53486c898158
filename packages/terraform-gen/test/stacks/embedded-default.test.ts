import { DEFAULT_PLATFORM_CONFIG } from '@msp/spec';
import { renderStackSet, synthesize } from '../../src/index.js';
import { environment, serviceInfo, serviceSettings, spec } from '../fixtures/base.js';
import { expectResource, stackOf } from '../expect-resource.js';

/** The embedded default (no msp.config.yaml) invents no organisation value. */
describe('stacks generated with the embedded default platform config', () => {
  const service = serviceInfo('web');
  const set = synthesize(
    spec(
      service,
      [environment(service, { id: 'dev', category: 'test' })],
      {},
      DEFAULT_PLATFORM_CONFIG,
    ),
    DEFAULT_PLATFORM_CONFIG,
  );
  const project = stackOf(set, 'dev', 'project');
  const cloudrun = stackOf(set, 'dev', 'cloudrun');

  it('takes the billing account from an input variable with its format check', () => {
    expectResource(project, 'google_project', { billing_account: '${var.billing_account}' });
    expect(project.document.variable?.['billing_account']).toEqual({
      type: 'string',
      description: expect.stringContaining('billingAccount is not set in msp.config.yaml'),
      validation: [
        {
          condition: '${can(regex("^[0-9A-F]{6}-[0-9A-F]{6}-[0-9A-F]{6}$", var.billing_account))}',
          error_message:
            'The value of billing_account must look like "0X0X0X-0X0X0X-0X0X0X" (uppercase hex).',
        },
      ],
    });
    expect(Object.keys(project.inputs ?? {})).toEqual(['billing_account']);
  });

  it('leaves the state bucket to terraform init and reads remote state through state_bucket', () => {
    expect(project.document.terraform?.backend).toEqual({
      gcs: { prefix: 'msp/web/dev/project' },
    });
    expect(cloudrun.document.data?.terraform_remote_state?.['iam']).toEqual({
      backend: 'gcs',
      config: { bucket: '${var.state_bucket}', prefix: 'msp/web/dev/iam' },
    });
    expect(Object.keys(cloudrun.inputs ?? {})).toEqual(['state_bucket']);
    // Stacks that read no earlier stack need no state_bucket.
    expect(project.document.variable?.['state_bucket']).toBeUndefined();
  });

  it('writes no placeholder anywhere, and a terraform.tfvars.example for each stack with inputs', () => {
    const files = renderStackSet(set);
    const all = [...files.values()].join('\n');
    expect(all).not.toContain('000000-000000-000000');
    expect(all).not.toContain('msp-terraform-state');
    expect(files.get('terraform/dev/stacks/project/terraform.tfvars.example')).toBe(
      [
        '# Values msp.config.yaml does not give, which this stack needs at plan time.',
        '# Copy this file to operator.auto.tfvars (terraform.tfvars is generated) and',
        "# fill in every value, or set TF_VAR_<name> in the Terraform run's environment.",
        '',
        `# ${project.document.variable?.['billing_account']?.description ?? ''}`,
        'billing_account = ""',
        '',
      ].join('\n'),
    );
    expect(files.get('terraform/dev/stacks/cloudrun/terraform.tfvars.example')).toContain(
      '\nstate_bucket = ""\n',
    );
    expect(files.has('terraform/dev/stacks/iam/terraform.tfvars.example')).toBe(false);
  });

  it('grants the organisation domain from the authentication_domain input variable', () => {
    const settings = serviceSettings({ invokers: [], invokerDomainFromInput: true });
    const withAuth = synthesize(
      spec(
        service,
        [environment(service, { id: 'dev', category: 'test', service: settings })],
        {},
        DEFAULT_PLATFORM_CONFIG,
      ),
      DEFAULT_PLATFORM_CONFIG,
    );
    const stack = stackOf(withAuth, 'dev', 'cloudrun');
    expectResource(stack, 'google_cloud_run_v2_service_iam_member', {
      role: 'roles/run.invoker',
      member: 'domain:${var.authentication_domain}',
    });
    expect(stack.document.variable?.['authentication_domain']?.validation).toHaveLength(1);
    expect(Object.keys(stack.inputs ?? {})).toContain('authentication_domain');
  });
});
