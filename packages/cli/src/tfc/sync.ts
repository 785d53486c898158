import { workspaceURL, type TerraformCloudBackend } from './names.js';
import { workspaceAttributes, type RunMode, type WorkspaceTarget } from './workspace-settings.js';
import { MspError } from '@msp/spec/errors';
import type { TerraformCloudClient } from './client.js';

export interface EnvironmentSync {
  readonly serviceID: string;
  readonly environmentID: string;
  /** The environment's project (from the names table). */
  readonly project: string;
  /** The tags each of its workspaces gets. */
  readonly tags: readonly string[];
  /** In apply order. */
  readonly workspaces: readonly WorkspaceTarget[];
}

export interface SyncResult {
  readonly name: string;
  readonly url: string;
  readonly action: 'created' | 'updated' | 'unchanged' | 'deleted' | 'absent';
}

/**
 * Creates or updates an environment's Terraform Cloud project, its team
 * access and one workspace per stack. Tags are only ever added. In `ignore`
 * run mode, existing VCS settings are left alone and no workspace is created.
 */
export async function syncEnvironment(
  client: TerraformCloudClient,
  backend: TerraformCloudBackend,
  sync: EnvironmentSync,
  runMode: RunMode,
): Promise<SyncResult[]> {
  const org = backend.organization;
  const project =
    (await client.findProject(org, sync.project)) ??
    (await client.createProject(org, sync.project));
  const grants = await client.listTeamAccess(project.id);
  for (const { teamID, access } of backend.teamAccess) {
    const grant = grants.find((g) => relatedID(g.relationships, 'team') === teamID);
    if (grant === undefined) await client.grantTeamAccess(project.id, teamID, access);
    else if (grant.attributes['access'] !== access) await client.updateTeamAccess(grant.id, access);
  }
  const results: SyncResult[] = [];
  for (const target of sync.workspaces) {
    const attributes = workspaceAttributes(backend, target, runMode);
    const existing = await client.readWorkspace(org, target.name);
    if (existing === undefined && runMode === 'ignore') {
      throw new MspError(
        'tfc-ignore-cannot-create',
        `workspace ${target.name} does not exist, and run mode "ignore" cannot create workspaces`,
        {
          hint: 'Run again with --run-mode vcs or cli.',
        },
      );
    }
    const current =
      existing !== undefined &&
      relatedID(existing.relationships, 'project') === project.id &&
      matches(existing.attributes, attributes);
    const workspace =
      existing === undefined
        ? await client.createWorkspace(org, attributes, project.id)
        : current
          ? existing
          : await client.updateWorkspace(org, target.name, attributes, project.id);
    const present = existing?.attributes['tag-names'];
    const missing = sync.tags.filter((tag) => !(Array.isArray(present) && present.includes(tag)));
    if (missing.length > 0) await client.addTags(workspace.id, missing);
    results.push({
      name: target.name,
      url: workspaceURL(backend, target.name),
      action:
        existing === undefined
          ? 'created'
          : current && missing.length === 0
            ? 'unchanged'
            : 'updated',
    });
  }
  return results;
}

/**
 * Deletes an environment's workspaces in reverse apply order, then its
 * project. This removes Terraform Cloud state, not infrastructure: no destroy
 * run is queued.
 */
export async function deleteEnvironment(
  client: TerraformCloudClient,
  backend: TerraformCloudBackend,
  sync: EnvironmentSync,
): Promise<SyncResult[]> {
  const org = backend.organization;
  const results: SyncResult[] = [];
  for (const target of [...sync.workspaces].reverse()) {
    const existing = await client.readWorkspace(org, target.name);
    if (existing !== undefined) await client.deleteWorkspace(org, target.name);
    results.push({
      name: target.name,
      url: workspaceURL(backend, target.name),
      action: existing === undefined ? 'absent' : 'deleted',
    });
  }
  const project = await client.findProject(org, sync.project);
  if (project !== undefined) await client.deleteProject(project.id);
  return results;
}

/**
 * Whether every attribute msp sets already has its value (objects compared by
 * the keys msp sets, since the API returns more), so a second sync sends nothing.
 */
function matches(actual: unknown, wanted: unknown): boolean {
  if (Array.isArray(wanted))
    return (
      Array.isArray(actual) &&
      actual.length === wanted.length &&
      wanted.every((item, index) => matches(actual[index], item))
    );
  if (typeof wanted === 'object' && wanted !== null)
    return (
      typeof actual === 'object' &&
      actual !== null &&
      Object.entries(wanted).every(([key, value]) =>
        matches((actual as Record<string, unknown>)[key], value),
      )
    );
  return actual === wanted;
}

function relatedID(
  relationships: Readonly<Record<string, { readonly data?: unknown }>> | undefined,
  name: string,
): string | undefined {
  const data = relationships?.[name]?.data;
  return typeof data === 'object' &&
    data !== null &&
    typeof (data as { id?: unknown }).id === 'string'
    ? (data as { id: string }).id
    : undefined;
}
