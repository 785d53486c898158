// Stack `iam`: the workload and operator-access service accounts and their roles.
import { DataTerraformRemoteStateGcs } from 'cdktf';
import type { Construct } from 'constructs';
import { ProjectIamMember } from '@cdktf/provider-google/lib/project-iam-member/index.js';
import { ServiceAccount } from '@cdktf/provider-google/lib/service-account/index.js';
import { RandomProvider } from '@cdktf/provider-random/lib/provider/index.js';
import { Id } from '@cdktf/provider-random/lib/id/index.js';
import { SERVICE, statePrefix, type EnvironmentConfig } from './config.ts';
import { addOutput, newStack } from './stack-base.ts';

const WORKLOAD_ROLES = [
  'roles/secretmanager.secretAccessor',
  'roles/compute.networkUser',
  'roles/cloudtrace.agent',
  'roles/monitoring.metricWriter',
  'roles/cloudprofiler.agent',
  'roles/cloudsql.client',
  'roles/cloudsql.instanceUser',
];
const OPERATOR_ROLES = ['roles/cloudsql.client', 'roles/cloudsql.instanceUser'];
const CLOUD_RUN_AGENT_ROLES = ['roles/artifactregistry.reader', 'roles/storage.objectViewer'];

/** `roles/cloudsql.instanceUser` → `cloudsql_instanceuser`. */
const roleID = (role: string): string =>
  role
    .replace(/^roles\//, '')
    .replace(/\./g, '_')
    .toLowerCase();

export function iamStack(scope: Construct, env: EnvironmentConfig): void {
  const stack = newStack(scope, env, 'iam', true);
  new RandomProvider(stack, 'random');
  const projectState = new DataTerraformRemoteStateGcs(stack, 'project', {
    bucket: SERVICE.stateBucket,
    prefix: statePrefix(env, 'project'),
  });

  const workload = new ServiceAccount(stack, 'workload', {
    accountId: `${SERVICE.id}-sa`,
    displayName: `${SERVICE.name} Service Account`,
    lifecycle: { preventDestroy: true },
  });
  for (const role of [...SERVICE.extraRoles, ...WORKLOAD_ROLES]) {
    new ProjectIamMember(stack, `workload_${roleID(role)}`, {
      project: env.projectID,
      role,
      member: workload.member,
    });
  }

  const suffix = new Id(stack, 'operator_access_suffix', { byteLength: 3 });
  const operator = new ServiceAccount(stack, 'operator_access', {
    accountId: `operatoraccess-${suffix.hex}`,
    displayName: `${SERVICE.name} Operator Access Service Account`,
  });
  for (const role of OPERATOR_ROLES) {
    new ProjectIamMember(stack, `operator_access_${roleID(role)}`, {
      project: env.projectID,
      role,
      member: operator.member,
    });
  }

  const agent = `serviceAccount:service-${projectState.getString('project_number')}@serverless-robot-prod.iam.gserviceaccount.com`;
  for (const role of CLOUD_RUN_AGENT_ROLES) {
    new ProjectIamMember(stack, `cloud_run_agent_image_${roleID(role)}`, {
      project: SERVICE.imageProject,
      role,
      member: agent,
    });
  }

  addOutput(
    stack,
    'cloud_run_service_account',
    workload.email,
    'Email of the workload service account.',
  );
  addOutput(
    stack,
    'operator_access_service_account',
    operator.email,
    'Email of the operator access service account.',
  );
}
