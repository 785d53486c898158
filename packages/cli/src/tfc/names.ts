import type { PlatformConfig, StateBackend } from '@msp/spec';
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

/** `<prefix>-<service>-<env>`: one Terraform Cloud project per environment. */
export function projectName(
  backend: TerraformCloudBackend,
  serviceID: string,
  environmentID: string,
): string {
  return `${backend.workspacePrefix}-${serviceID}-${environmentID}`;
}

/** `<prefix>-<service>-<env>-<stack>`: one workspace per stack. */
export function workspaceName(
  backend: TerraformCloudBackend,
  serviceID: string,
  environmentID: string,
  stack: string,
): string {
  return `${projectName(backend, serviceID, environmentID)}-${stack}`;
}

/** Tags every workspace of an environment gets (tags are only ever added). */
export function workspaceTags(
  backend: TerraformCloudBackend,
  serviceID: string,
  environmentID: string,
): string[] {
  const prefix = backend.workspacePrefix;
  return [prefix, `${prefix}-service-${serviceID}`, `${prefix}-env-${serviceID}-${environmentID}`];
}

/** The tag selecting all msp workspaces, a service's, or an environment's. */
export function viewTag(
  backend: TerraformCloudBackend,
  serviceID?: string,
  environmentID?: string,
): string {
  const prefix = backend.workspacePrefix;
  if (serviceID === undefined) return prefix;
  if (environmentID === undefined) return `${prefix}-service-${serviceID}`;
  return `${prefix}-env-${serviceID}-${environmentID}`;
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
