import { synthesize } from '../../src/index.js';
import {
  environment,
  platformConfig,
  secretEnv,
  secretVolume,
  serviceInfo,
  spec,
} from '../fixtures/base.js';
import { expectNoResource, expectResource, resourcesOf, stackOf } from '../expect-resource.js';

const service = serviceInfo('demo', {
  name: 'Demo',
  iam: { services: [], roles: ['roles/pubsub.publisher'], permissions: ['storage.buckets.get'] },
});
const project = 'demo-dev-a1b2';
const dev = environment(service, {
  id: 'dev',
  category: 'test',
  allowDestroys: true,
  secretEnv: [
    secretEnv(project, 'LOCAL', 'LOCAL_SECRET'),
    secretEnv(project, 'REMOTE', 'projects/shared/secrets/REMOTE_SECRET'),
  ],
  secretVolumes: [secretVolume(project, 'cfg', '/etc/cfg/c.yaml', 'projects/shared/secrets/CFG')],
});
const prod = environment(service, { id: 'prod', category: 'external' });

const privateImage = synthesize(
  spec(service, [dev, prod], {
    build: { image: 'us-docker.pkg.dev/images/r/demo', imageProject: 'images' },
  }),
  platformConfig({ terraformServiceAccount: 'tf@ci.iam.gserviceaccount.com' }),
);
const publicImage = synthesize(
  spec(serviceInfo('plain'), [environment(serviceInfo('plain'), { id: 'dev', category: 'test' })]),
  platformConfig(),
);

describe('stack iam', () => {
  const iam = stackOf(privateImage, 'dev', 'iam');
  const member = '${google_service_account.workload.member}';

  it('creates the workload service account, guarded unless allowDestroys', () => {
    expectResource(
      iam,
      'google_service_account',
      {
        account_id: 'demo-sa',
        display_name: 'Demo Service Account',
        lifecycle: { prevent_destroy: false },
      },
      'workload',
    );
    expectResource(
      stackOf(privateImage, 'prod', 'iam'),
      'google_service_account',
      {
        lifecycle: { prevent_destroy: true },
      },
      'workload',
    );
  });

  it.each([
    'roles/pubsub.publisher',
    'roles/secretmanager.secretAccessor',
    'roles/cloudtrace.agent',
    'roles/monitoring.metricWriter',
    'roles/cloudsql.client',
    'roles/cloudsql.instanceUser',
  ])('grants the workload %s', (role) => {
    expectResource(iam, 'google_project_iam_member', { project, role, member });
  });

  it('grants iam.permissions through a custom role, only when set', () => {
    expectResource(iam, 'google_project_iam_custom_role', {
      role_id: 'msp_workload_custom_role',
      permissions: ['storage.buckets.get'],
    });
    expectResource(iam, 'google_project_iam_member', {
      role: '${google_project_iam_custom_role.workload_custom_role.name}',
      member,
    });
    expectNoResource(stackOf(publicImage, 'dev', 'iam'), 'google_project_iam_custom_role');
  });

  it('creates an operator access account with read-only Cloud SQL roles', () => {
    expectResource(
      iam,
      'google_service_account',
      {
        account_id: 'operatoraccess-${random_id.operator_access_suffix.hex}',
      },
      'operator_access',
    );
    const operatorRoles = Object.values(resourcesOf(iam, 'google_project_iam_member'))
      .filter((g) => g['member'] === '${google_service_account.operator_access.member}')
      .map((g) => g['role']);
    expect(operatorRoles.sort()).toEqual(['roles/cloudsql.client', 'roles/cloudsql.instanceUser']);
  });

  it('lets the platform Terraform account impersonate the workload, only when configured', () => {
    for (const role of ['roles/iam.serviceAccountUser', 'roles/iam.serviceAccountTokenCreator']) {
      expectResource(iam, 'google_service_account_iam_member', {
        service_account_id: '${google_service_account.workload.name}',
        role,
        member: 'serviceAccount:tf@ci.iam.gserviceaccount.com',
      });
    }
    expectNoResource(stackOf(publicImage, 'dev', 'iam'), 'google_service_account_iam_member');
  });

  it('lets the Cloud Run service agent read a private image, naming it from the project number', () => {
    for (const role of ['roles/storage.objectViewer', 'roles/artifactregistry.reader']) {
      expectResource(iam, 'google_project_iam_member', {
        project: 'images',
        role,
        member:
          'serviceAccount:service-${data.terraform_remote_state.project.outputs.project_number}@serverless-robot-prod.iam.gserviceaccount.com',
      });
    }
    expect(Object.keys(iam.document.data?.terraform_remote_state ?? {})).toEqual(['project']);
    const plain = stackOf(publicImage, 'dev', 'iam');
    expectNoResource(plain, 'google_project_iam_member', { role: 'roles/artifactregistry.reader' });
    expect(plain.document.data).toBeUndefined();
  });

  it('grants access to cross-project secrets only', () => {
    const grants = resourcesOf(iam, 'google_secret_manager_secret_iam_member');
    expect(grants).toEqual({
      secret_access_remote: {
        project: 'shared',
        secret_id: 'REMOTE_SECRET',
        role: 'roles/secretmanager.secretAccessor',
        member,
      },
      secret_access_volume_cfg: {
        project: 'shared',
        secret_id: 'CFG',
        role: 'roles/secretmanager.secretAccessor',
        member,
      },
    });
  });

  it('outputs the workload and operator account emails', () => {
    expect(iam.document.output).toEqual({
      cloud_run_service_account: expect.objectContaining({
        value: '${local.cloud_run_service_account}',
      }),
      operator_access_service_account: expect.objectContaining({
        value: '${local.operator_access_service_account}',
      }),
    });
    expect(iam.document.locals).toEqual({
      cloud_run_service_account: '${google_service_account.workload.email}',
      operator_access_service_account: '${google_service_account.operator_access.email}',
    });
  });
});
