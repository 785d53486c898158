import { address, dataRef, dataSource } from '../../fragment.js';
import { roleIdentifier, terraformIdentifier } from '../../names.js';
import { remoteOutput } from '../../remote-state.js';
import {
  clouddeployCustomTargetType,
  clouddeployDeliveryPipeline,
  clouddeployTarget,
} from '../../resources/clouddeploy.js';
import { projectIAMCustomRole } from '../../resources/project-iam-custom-role.js';
import { projectIAMMember } from '../../resources/project-iam-member.js';
import { pubsubPushSubscription, pubsubTopic } from '../../resources/pubsub.js';
import { serviceAccountIAMMember } from '../../resources/service-account-iam-member.js';
import { storageBucket, storageBucketIAMMember } from '../../resources/storage-bucket.js';
import type { StackContext } from '../../stack.js';
import type { Fragment } from '../../terraform.js';
import type { CloudRunPart } from './part.js';

/** Roles of the executor in every stage's project. */
const EXECUTOR_STAGE_ROLES = ['roles/run.developer', 'roles/iam.serviceAccountUser'];

/**
 * The Cloud Deploy pipeline, generated in the final rollout stage's
 * environment: one custom target per stage in promotion order, the executor's
 * access to every stage, and what the releaser (plus `rollout.serviceAccount`)
 * needs to create releases.
 */
export function rolloutPart({ spec, env, platform }: StackContext): CloudRunPart | undefined {
  const rollout = spec.rollout;
  if (rollout === undefined || env.rolloutStage?.isFinal !== true) return undefined;
  const executor = remoteOutput('iam', 'cloud_deploy_executor_service_account');
  const releaser = remoteOutput('iam', 'cloud_deploy_releaser_service_account_id');
  const fragments: Fragment[] = [];

  const stages = rollout.stages.map((stage) => {
    const stageEnv = spec.environments.find((e) => e.id === stage.environmentID);
    if (stageEnv === undefined)
      throw new Error(`rollout stage references unknown environment "${stage.environmentID}"`);
    for (const role of EXECUTOR_STAGE_ROLES) {
      fragments.push(
        projectIAMMember(
          `clouddeploy_executor_${terraformIdentifier(stage.environmentID)}_${roleIdentifier(role)}`,
          {
            project: stage.projectID,
            role,
            member: `serviceAccount:${executor}`,
          },
        ).fragment,
      );
    }
    return {
      id: stage.environmentID,
      target: `${stage.environmentID}-${stageEnv.region}`,
      env: stageEnv,
    };
  });

  const type = clouddeployCustomTargetType('cloud_run_service', {
    name: 'cloud-run-service',
    location: env.region,
    renderAction: 'cloud-run-image-deploy-render',
    deployAction: 'cloud-run-image-deploy',
  });
  for (const s of stages) {
    fragments.push(
      clouddeployTarget(`stage_${terraformIdentifier(s.id)}`, {
        name: s.target,
        location: env.region,
        customTargetType: type.outputs.id,
        deployParameters: {
          'customTarget/serviceID': s.env.cloudRunName,
          'customTarget/image': spec.build.image,
          'customTarget/projectID': s.env.projectID,
        },
        executionServiceAccount: executor,
      }).fragment,
    );
  }
  const pipeline = clouddeployDeliveryPipeline('rollout', {
    name: `${spec.service.id}-${env.region}-rollout`,
    location: env.region,
    description: `Rollout delivery pipeline for ${spec.service.name}`,
    suspended: rollout.suspended,
    targetIDs: stages.map((s) => s.target),
    dependsOn: [address('google_cloud_run_v2_service', 'cloudrun')],
  });

  const skaffold = storageBucket('skaffold', {
    name: `${env.projectID}-cloudrun-skaffold`,
    location: env.region,
  });
  // Cloud Deploy's default artifact bucket, created up front so access can be granted on it.
  const artifacts = storageBucket('clouddeploy', {
    name: `${pipeline.outputs.uid}_clouddeploy`,
    location: env.region,
  });
  const listBuckets = projectIAMCustomRole('clouddeploy_listbuckets', {
    project: env.projectID,
    roleID: 'clouddeploy_listbuckets',
    title: 'Cloud Deploy: list buckets',
    permissions: ['storage.buckets.list'],
  });
  fragments.push(
    type.fragment,
    pipeline.fragment,
    skaffold.fragment,
    artifacts.fragment,
    listBuckets.fragment,
  );

  const releasers = [
    { id: 'releaser', member: `serviceAccount:${releaser}` },
    ...(rollout.serviceAccount === undefined
      ? []
      : [{ id: 'extra_releaser', member: `serviceAccount:${rollout.serviceAccount}` }]),
  ];
  for (const r of releasers) {
    fragments.push(
      projectIAMMember(`clouddeploy_${r.id}_releaser`, {
        project: env.projectID,
        role: 'roles/clouddeploy.releaser',
        member: r.member,
      }).fragment,
      projectIAMMember(`clouddeploy_${r.id}_listbuckets`, {
        project: env.projectID,
        role: listBuckets.outputs.name,
        member: r.member,
      }).fragment,
      storageBucketIAMMember(`skaffold_${r.id}`, {
        bucket: skaffold.outputs.name,
        role: 'roles/storage.admin',
        member: r.member,
      }).fragment,
      storageBucketIAMMember(`clouddeploy_${r.id}`, {
        bucket: artifacts.outputs.name,
        role: 'roles/storage.admin',
        member: r.member,
      }).fragment,
      serviceAccountIAMMember(`clouddeploy_executor_${r.id}`, {
        serviceAccountID: `projects/${env.projectID}/serviceAccounts/${executor}`,
        role: 'roles/iam.serviceAccountUser',
        member: r.member,
      }).fragment,
    );
  }

  const endpoint = platform.rollout?.notificationEndpointSecret;
  if (endpoint !== undefined) {
    const topic = pubsubTopic('clouddeploy_operations', { name: 'clouddeploy-operations' });
    fragments.push(
      dataSource(
        'google_secret_manager_secret_version',
        'clouddeploy_notification_endpoint',
        endpoint,
      ),
      topic.fragment,
      pubsubPushSubscription('clouddeploy_operations', {
        name: 'clouddeploy-operations',
        topic: topic.outputs.id,
        endpoint: dataRef(
          'google_secret_manager_secret_version',
          'clouddeploy_notification_endpoint',
          'secret_data',
        ),
      }).fragment,
    );
  }
  return { fragments, env: [], volumes: [], dependsOn: [] };
}
