import { synthesizeCase } from '../generate-fixture.js';
import { expectNoResource, expectResource, resourcesOf, stackOf } from '../expect-resource.js';

const set = synthesizeCase('service-rollout');
const final = stackOf(set, 'prod', 'cloudrun');
const first = stackOf(set, 'dev', 'cloudrun');

describe('rollout pipeline', () => {
  it('lives only in the final stage’s environment', () => {
    expectNoResource(first, 'google_clouddeploy_delivery_pipeline');
    expectNoResource(stackOf(set, 'dev', 'iam'), 'google_service_account', {
      account_id: 'clouddeploy-executor',
    });
    expectResource(stackOf(set, 'prod', 'iam'), 'google_service_account', {
      account_id: 'clouddeploy-executor',
    });
    expectResource(stackOf(set, 'prod', 'iam'), 'google_service_account', {
      account_id: 'clouddeploy-releaser',
    });
  });

  it('has one stage per rollout stage, in order, and is not suspended', () => {
    expectResource(final, 'google_clouddeploy_delivery_pipeline', {
      name: 'rollout-svc-us-central1-rollout',
      suspended: false,
      serial_pipeline: [
        { stages: [{ target_id: 'dev-us-central1' }, { target_id: 'prod-us-central1' }] },
      ],
      depends_on: ['google_cloud_run_v2_service.cloudrun'],
    });
  });

  it('has a custom target per stage that deploys that stage’s service as the executor', () => {
    for (const env of ['dev', 'prod']) {
      expectResource(final, 'google_clouddeploy_target', {
        name: `${env}-us-central1`,
        custom_target: [
          { custom_target_type: '${google_clouddeploy_custom_target_type.cloud_run_service.id}' },
        ],
        deploy_parameters: {
          'customTarget/serviceID': `rollout-svc-${env}-us-central1`,
          'customTarget/projectID': `rollout-svc-${env}-a1b2`,
          'customTarget/region': 'us-central1',
          'customTarget/image': 'us.gcr.io/example-public/rollout-svc',
        },
        execution_configs: [
          {
            usages: ['RENDER', 'DEPLOY'],
            service_account:
              '${data.terraform_remote_state.iam.outputs.cloud_deploy_executor_service_account}',
          },
        ],
      });
      expectResource(final, 'google_project_iam_member', {
        project: `rollout-svc-${env}-a1b2`,
        role: 'roles/run.developer',
      });
      expectResource(final, 'google_service_account_iam_member', {
        service_account_id: `projects/rollout-svc-${env}-a1b2/serviceAccounts/rollout-svc-sa@rollout-svc-${env}-a1b2.iam.gserviceaccount.com`,
        role: 'roles/iam.serviceAccountUser',
        member:
          'serviceAccount:${data.terraform_remote_state.iam.outputs.cloud_deploy_executor_service_account}',
      });
    }
  });

  it('grants no project-wide actAs or storage role to the executor or releasers', () => {
    const projectRoles = Object.values(resourcesOf(final, 'google_project_iam_member')).map(
      (m) => m['role'],
    );
    expect(projectRoles).not.toContain('roles/iam.serviceAccountUser');
    expect(projectRoles.filter((r) => String(r).startsWith('roles/storage.'))).toEqual([]);
  });

  it('lets the releaser and rollout.serviceAccount create releases', () => {
    for (const member of [
      'serviceAccount:${data.terraform_remote_state.iam.outputs.cloud_deploy_releaser_service_account_id}',
      'serviceAccount:ci-releaser@example-ci.iam.gserviceaccount.com',
    ]) {
      expectResource(final, 'google_project_iam_member', {
        role: 'roles/clouddeploy.releaser',
        member,
      });
      expectResource(final, 'google_service_account_iam_member', {
        role: 'roles/iam.serviceAccountUser',
        member,
      });
      expect(
        Object.values(resourcesOf(final, 'google_storage_bucket_iam_member')).filter(
          (b) => b['member'] === member,
        ),
      ).toHaveLength(2);
    }
  });

  it('pushes deploy operations to the platform endpoint', () => {
    expectResource(final, 'google_pubsub_subscription', {
      name: 'clouddeploy-operations',
      push_config: [
        {
          push_endpoint:
            '${data.google_secret_manager_secret_version.clouddeploy_notification_endpoint.secret_data}',
        },
      ],
      message_retention_duration: '3600s',
    });
  });
});
