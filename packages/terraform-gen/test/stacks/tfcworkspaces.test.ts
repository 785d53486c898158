import { synthesizeCase, synthesizeFixture } from '../generate-fixture.js';
import { dataOf, expectResource, resourcesOf, stackOf } from '../expect-resource.js';
import { FIXTURES } from '../fixtures/index.js';

const set = synthesizeCase('service-basic');
const prod = stackOf(set, 'prod', 'tfcworkspaces');

describe('stack tfcworkspaces', () => {
  it('reads the project and workspaces that msp tfc sync owns, and creates none', () => {
    expect(dataOf(prod, 'tfe_project')).toEqual({
      environment: { name: 'msp-msp-example-prod', organization: 'example-org' },
    });
    expect(dataOf(prod, 'tfe_workspace')).toEqual({
      project: { name: 'msp-msp-example-prod-project', organization: 'example-org' },
      iam: { name: 'msp-msp-example-prod-iam', organization: 'example-org' },
      cloudrun: { name: 'msp-msp-example-prod-cloudrun', organization: 'example-org' },
      monitoring: { name: 'msp-msp-example-prod-monitoring', organization: 'example-org' },
      tfcworkspaces: { name: 'msp-msp-example-prod-tfcworkspaces', organization: 'example-org' },
    });
    for (const owned of ['tfe_project', 'tfe_workspace', 'tfe_workspace_settings'])
      expect(resourcesOf(prod, owned)).toEqual({});
  });

  it('in run mode vcs, applies the stacks in order on first apply and tears them down in reverse', () => {
    const runs = resourcesOf(prod, 'tfe_workspace_run');
    expect(Object.keys(runs)).toEqual(['project', 'iam', 'cloudrun', 'monitoring']);
    expect(runs['project']).not.toHaveProperty('depends_on');
    expect(runs['iam']?.['depends_on']).toEqual(['tfe_workspace_run.project']);
    expect(runs['cloudrun']?.['depends_on']).toEqual(['tfe_workspace_run.iam']);
    expect(runs['monitoring']?.['depends_on']).toEqual(['tfe_workspace_run.cloudrun']);
    expectResource(
      prod,
      'tfe_workspace_run',
      {
        workspace_id: '${data.tfe_workspace.iam.id}',
        apply: [{ manual_confirm: false, wait_for_run: true }],
        destroy: [{ manual_confirm: false, wait_for_run: true }],
      },
      'iam',
    );
  });

  it('in run mode cli, queues no runs (msp apply orders them)', () => {
    const fixture = FIXTURES['service-basic'];
    if (fixture === undefined || fixture.platform.state.type !== 'terraform-cloud')
      throw new Error('service-basic keeps state in Terraform Cloud');
    const cli = synthesizeFixture({
      ...fixture,
      platform: { ...fixture.platform, state: { ...fixture.platform.state, runMode: 'cli' } },
    });
    const stack = stackOf(cli, 'prod', 'tfcworkspaces');
    expect(resourcesOf(stack, 'tfe_workspace_run')).toEqual({});
    expect(Object.keys(dataOf(stack, 'tfe_workspace'))).toHaveLength(5);
  });

  it('notifies Slack of failed runs of every workspace when the platform config has a webhook', () => {
    expect(Object.keys(resourcesOf(prod, 'tfe_notification_configuration'))).toEqual([
      'project',
      'iam',
      'cloudrun',
      'monitoring',
      'tfcworkspaces',
    ]);
    expectResource(prod, 'tfe_notification_configuration', {
      workspace_id: '${data.tfe_workspace.tfcworkspaces.id}',
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
