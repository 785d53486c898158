import type { ResolvedRollout, ResolvedSpec } from '@msp/spec';
import { address } from '../../fragment.js';
import { roleIdentifier, tableName, terraformIdentifier } from '../../names.js';
import { remoteOutput } from '../../remote-state.js';
import {
  clouddeployCustomTargetType,
  clouddeployDeliveryPipeline,
  clouddeployTarget,
} from '../../resources/clouddeploy.js';
import { projectIAMMember } from '../../resources/project-iam-member.js';
import { serviceAccountIAMMember } from '../../resources/service-account-iam-member.js';
import { storageBucket, storageBucketObjectFromFile } from '../../resources/storage-bucket.js';
import type { StackContext } from '../../stack.js';
import type { Fragment } from '../../terraform.js';
import type { CloudRunPart } from './part.js';
import { releaserAccess } from './rollout-access.js';
import {
  DEPLOY_ACTION,
  RENDER_ACTION,
  SKAFFOLD_SOURCE_FILE,
  skaffoldSource,
} from './skaffold-source.js';
import { rolloutNotifications } from './rollout-notifications.js';

/** Roles of the executor in every stage's project. */
const EXECUTOR_STAGE_ROLES = ['roles/run.developer'];

/**
 * The Cloud Deploy pipeline, generated in the final rollout stage's
 * environment: one custom target per stage in promotion order, the executor's
 * access to every stage, and what the releaser (plus `rollout.serviceAccount`)
 * needs to create releases.
 */
export function rolloutPart(ctx: StackContext): CloudRunPart | undefined {
  const { spec, env, platform } = ctx;
  const rollout = spec.rollout;
  if (rollout === undefined || env.rolloutStage?.isFinal !== true) return undefined;
  const executor = remoteOutput(ctx, 'iam', 'cloud_deploy_executor_service_account');
  const releaser = remoteOutput(ctx, 'iam', 'cloud_deploy_releaser_service_account_id');
  const stages = stageTargets(spec, rollout, env.region, executor);
  const pipeline = clouddeployDeliveryPipeline('rollout', {
    name: tableName(env.names.cloudDeploy?.pipeline, `Cloud Deploy pipeline name of ${env.id}`),
    location: env.region,
    description: `Rollout delivery pipeline for ${spec.service.name}`,
    suspended: rollout.suspended,
    targetIDs: stages.targetIDs,
    dependsOn: [address('google_cloud_run_v2_service', 'cloudrun')],
  });
  const skaffold = storageBucket('skaffold', {
    name: `${env.projectID}-cloudrun-skaffold`,
    location: env.region,
  });
  const source = skaffoldSource(spec.service.id);
  const sourceObject = storageBucketObjectFromFile('skaffold_source', {
    bucket: skaffold.outputs.name,
    name: source.objectName,
    fileName: SKAFFOLD_SOURCE_FILE,
    contentType: 'application/gzip',
  });
  // Cloud Deploy's default artifact bucket, created up front so access can be granted on it.
  const artifacts = storageBucket('clouddeploy', {
    name: `${pipeline.outputs.uid}_clouddeploy`,
    location: env.region,
  });
  const access = releaserAccess({
    project: env.projectID,
    executorEmail: executor,
    buckets: [
      { id: 'skaffold', name: skaffold.outputs.name },
      { id: 'clouddeploy', name: artifacts.outputs.name },
    ],
    releasers: [
      { id: 'releaser', member: `serviceAccount:${releaser}` },
      ...(rollout.serviceAccount === undefined
        ? []
        : [{ id: 'extra_releaser', member: `serviceAccount:${rollout.serviceAccount}` }]),
    ],
  });
  const endpoint = platform.rollout?.notificationEndpointSecret;
  return {
    fragments: [
      ...stages.fragments,
      pipeline.fragment,
      skaffold.fragment,
      sourceObject.fragment,
      artifacts.fragment,
      ...access,
      ...(endpoint === undefined ? [] : rolloutNotifications(endpoint)),
    ],
    env: [],
    volumes: [],
    dependsOn: [],
    files: { [SKAFFOLD_SOURCE_FILE]: source.archive },
    outputs: {
      skaffold_source_uri: {
        value: sourceObject.outputs.uri,
        description:
          'Cloud Storage URI of the skaffold source a release of the rollout pipeline names.',
      },
    },
  };
}

/** The custom target type, one target per stage (in order) and the executor's roles in each stage's project. */
function stageTargets(
  spec: ResolvedSpec,
  rollout: ResolvedRollout,
  region: string,
  executor: string,
): { fragments: Fragment[]; targetIDs: string[] } {
  const type = clouddeployCustomTargetType('cloud_run_service', {
    name: 'cloud-run-service',
    location: region,
    renderAction: RENDER_ACTION,
    deployAction: DEPLOY_ACTION,
  });
  const fragments: Fragment[] = [type.fragment];
  const targetIDs: string[] = [];
  for (const stage of rollout.stages) {
    const stageEnv = spec.environments.find((e) => e.id === stage.environmentID);
    if (stageEnv === undefined)
      throw new Error(`rollout stage references unknown environment "${stage.environmentID}"`);
    const id = terraformIdentifier(stage.environmentID);
    const target = tableName(
      stageEnv.names.cloudDeploy?.target,
      `Cloud Deploy target name of ${stageEnv.id}`,
    );
    targetIDs.push(target);
    fragments.push(
      clouddeployTarget(`stage_${id}`, {
        name: target,
        location: region,
        customTargetType: type.outputs.id,
        deployParameters: {
          'customTarget/serviceID': stageEnv.cloudRunName,
          'customTarget/image': spec.build.image,
          'customTarget/projectID': stageEnv.projectID,
          'customTarget/region': stageEnv.region,
        },
        executionServiceAccount: executor,
      }).fragment,
      ...EXECUTOR_STAGE_ROLES.map(
        (role) =>
          projectIAMMember(`clouddeploy_executor_${id}_${roleIdentifier(role)}`, {
            project: stage.projectID,
            role,
            member: `serviceAccount:${executor}`,
          }).fragment,
      ),
      // Deploying a revision that runs as the workload account needs actAs on that account
      // only, not on every account of the stage's project.
      serviceAccountIAMMember(`clouddeploy_executor_${id}_workload_user`, {
        serviceAccountID: `projects/${stage.projectID}/serviceAccounts/${stageEnv.names.workloadServiceAccountEmail}`,
        role: 'roles/iam.serviceAccountUser',
        member: `serviceAccount:${executor}`,
      }).fragment,
    );
  }
  return { fragments, targetIDs };
}
