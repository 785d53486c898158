import { synthesizeCase } from '../generate-fixture.js';
import { expectResource, resourcesOf, stackOf } from '../expect-resource.js';

const set = synthesizeCase('service-basic');
const prod = stackOf(set, 'prod', 'tfcworkspaces');
const dev = stackOf(set, 'dev', 'tfcworkspaces');

describe('stack tfcworkspaces', () => {
  it('creates a project and a tagged, auto-applying workspace per stack', () => {
    expectResource(prod, 'tfe_project', {
      name: 'msp-msp-example-prod',
      organization: 'example-org',
    });
    expect(Object.keys(resourcesOf(prod, 'tfe_workspace')).sort()).toEqual([
      'cloudrun',
      'iam',
      'monitoring',
      'project',
    ]);
    expectResource(
      prod,
      'tfe_workspace',
      {
        name: 'msp-msp-example-prod-cloudrun',
        project_id: '${tfe_project.environment.id}',
        tag_names: ['msp', 'msp-service-msp-example', 'msp-env-msp-example-prod'],
        auto_apply: true,
        terraform_version: '1.11.4',
        working_directory: 'services/msp-example/terraform/prod/stacks/cloudrun',
        vcs_repo: [
          { identifier: 'example/managed-services', branch: 'main', oauth_token_id: 'ot-abc123' },
        ],
      },
      'cloudrun',
    );
    expectResource(
      prod,
      'tfe_workspace_settings',
      { execution_mode: 'remote', global_remote_state: true },
      'cloudrun',
    );
  });

  it('allows destroy plans only with allowDestroys', () => {
    expectResource(prod, 'tfe_workspace', { allow_destroy_plan: false }, 'project');
    expectResource(dev, 'tfe_workspace', { allow_destroy_plan: true }, 'project');
  });

  it('applies the stacks in order on first apply and tears them down in reverse', () => {
    const runs = resourcesOf(prod, 'tfe_workspace_run');
    expect(runs['project']).not.toHaveProperty('depends_on');
    expect(runs['iam']?.['depends_on']).toEqual([
      'tfe_workspace_run.project',
      'tfe_workspace_settings.project',
    ]);
    expect(runs['cloudrun']?.['depends_on']).toEqual([
      'tfe_workspace_run.iam',
      'tfe_workspace_settings.iam',
    ]);
    expect(runs['monitoring']?.['depends_on']).toEqual([
      'tfe_workspace_run.cloudrun',
      'tfe_workspace_settings.cloudrun',
    ]);
    expectResource(prod, 'tfe_workspace_run', {
      apply: [{ manual_confirm: false, wait_for_run: true }],
      destroy: [{ manual_confirm: false, wait_for_run: true }],
    });
  });

  it('notifies Slack of failed runs when the platform config has a webhook', () => {
    expectResource(prod, 'tfe_notification_configuration', {
      destination_type: 'slack',
      triggers: ['run:errored'],
      url: '${data.google_secret_manager_secret_version.tfc_notification_webhook.secret_data}',
    });
  });

  it('reads the tfe token ephemerally from Secret Manager when configured, else from TFE_TOKEN', () => {
    const large = stackOf(synthesizeCase('service-large'), 'prod', 'tfcworkspaces');
    expect(large.document.ephemeral).toEqual({
      google_secret_manager_secret_version: {
        tfe_token: { project: 'example-secrets', secret: 'TFC_TEAM_TOKEN' },
      },
    });
    expect(large.document.provider?.['tfe']).toEqual([
      {
        hostname: 'app.terraform.io',
        organization: 'example-org',
        token: '${ephemeral.google_secret_manager_secret_version.tfe_token.secret_data}',
      },
    ]);
    expect(prod.document.provider?.['tfe']?.[0]).not.toHaveProperty('token');
    expect(prod.document.ephemeral).toBeUndefined();
  });
});
