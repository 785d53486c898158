import { cloudRunServiceAgent } from '../../names.js';
import { remoteOutput } from '../../remote-state.js';
import type { StackContext } from '../../stack.js';
import type { Fragment } from '../../terraform.js';
import { projectRoleGrants } from './project-role-grants.js';

/** What the Cloud Run service agent needs on the project hosting a private image. */
export const IMAGE_READER_ROLES: readonly string[] = [
  'roles/storage.objectViewer',
  'roles/artifactregistry.reader',
];

/** Grants the environment's Cloud Run service agent read access to a private image registry. */
export function cloudRunAgentGrants(ctx: StackContext): Fragment[] {
  const imageProject = ctx.spec.build.imageProject;
  if (imageProject === undefined) return [];
  const agent = cloudRunServiceAgent(remoteOutput(ctx, 'project', 'project_number'));
  return projectRoleGrants(
    'cloud_run_agent_image',
    imageProject,
    IMAGE_READER_ROLES,
    `serviceAccount:${agent}`,
  );
}
