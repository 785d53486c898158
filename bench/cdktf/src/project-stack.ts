// Stack `project`: the GCP project and its APIs.
import type { Construct } from 'constructs';
import { Project } from '@cdktf/provider-google/lib/project/index.js';
import { ProjectService } from '@cdktf/provider-google/lib/project-service/index.js';
import { PROJECT_APIS, SERVICE, type EnvironmentConfig } from './config.ts';
import { addOutput, newStack } from './stack-base.ts';

export function projectStack(scope: Construct, env: EnvironmentConfig): void {
  const stack = newStack(scope, env, 'project', false);
  const project = new Project(stack, 'project', {
    name: `${SERVICE.name} - ${env.id}`,
    projectId: env.projectID,
    autoCreateNetwork: false,
    billingAccount: SERVICE.billingAccount,
    deletionPolicy: 'PREVENT',
    folderId: env.folderID,
    labels: {
      category: env.category,
      ...(env.category === 'external' ? { 'collect-security-audit-logs': 'true' } : {}),
      environment: env.id,
      msp: 'true',
      service: SERVICE.id,
    },
    lifecycle: { preventDestroy: env.preventDestroy },
  });
  for (const api of PROJECT_APIS) {
    new ProjectService(stack, api, {
      project: project.projectId,
      service: `${api}.googleapis.com`,
      disableDependentServices: false,
      disableOnDestroy: false,
    });
  }
  addOutput(stack, 'project_id', project.projectId, 'The GCP project ID.');
  addOutput(stack, 'project_number', project.number, 'The GCP project number.');
}
