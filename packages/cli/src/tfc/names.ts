import type { PlatformConfig, ResolvedEnvironment, ResolvedSpec, StateBackend } from '@msp/spec';
import { MspError } from '@msp/spec/errors';

export type TerraformCloudBackend = Extract<StateBackend, { type: 'terraform-cloud' }>;

/** The platform's Terraform Cloud settings, or a clear error when state lives elsewhere. */
export function terraformCloudBackend(platform: PlatformConfig): TerraformCloudBackend {
  if (platform.state.type !== 'terraform-cloud') {
    throw new MspError(
      'not-terraform-cloud',
      `the platform config keeps Terraform state in ${platform.state.type}, not Terraform Cloud`,
      {
        hint: 'Set state.type to terraform-cloud in msp.config.yaml to use the tfc commands.',
      },
    );
  }
  return platform.state;
}

/**
 * The environment's Terraform Cloud names (project, workspaces, tags), from the
 * names table of the resolved spec.
 */
export function terraformCloudNames(environment: ResolvedEnvironment): {
  readonly project: string;
  readonly environmentTag: string;
  readonly workspaceTags: readonly string[];
} {
  const names = environment.names.terraformCloud;
  if (names === undefined)
    throw new MspError(
      'not-terraform-cloud',
      `environment ${environment.id} keeps its Terraform state outside Terraform Cloud`,
    );
  return names;
}

/** The tag of the service's workspaces, `<prefix>-service-<service>`, from the names table. */
export function serviceTag(resolved: ResolvedSpec): string {
  const names = resolved.names.terraformCloud;
  if (names === undefined)
    throw new MspError(
      'not-terraform-cloud',
      `${resolved.service.id} keeps its Terraform state outside Terraform Cloud`,
    );
  return names.serviceTag;
}

/** The workspace of one generated stack of the environment: `<prefix>-<service>-<env>-<stack>`. */
export function workspaceName(environment: ResolvedEnvironment, stack: string): string {
  const locations: Readonly<Record<string, string>> = environment.names.stateLocations;
  const name = Object.hasOwn(locations, stack) ? locations[stack] : undefined;
  if (name === undefined)
    throw new MspError('unknown-stack', `msp generates no stack ${stack}`, {
      hint: 'Stacks are project, iam, cloudrun, monitoring and tfcworkspaces.',
    });
  return name;
}

/** The tag every workspace msp creates carries: the workspace prefix itself. */
export function allWorkspacesTag(backend: TerraformCloudBackend): string {
  return backend.workspacePrefix;
}

function appURL(backend: TerraformCloudBackend): string {
  return `https://${backend.hostname}/app/${encodeURIComponent(backend.organization)}`;
}

/** The workspace list filtered by a tag. */
export function workspacesByTagURL(backend: TerraformCloudBackend, tag: string): string {
  return `${appURL(backend)}/workspaces?tag=${encodeURIComponent(tag)}`;
}

/** One workspace's page. */
export function workspaceURL(backend: TerraformCloudBackend, name: string): string {
  return `${appURL(backend)}/workspaces/${encodeURIComponent(name)}`;
}
