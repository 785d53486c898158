import { STATE_BUCKET_PATTERN, type PlatformConfig, type ResolvedEnvironment } from '@msp/spec';
import { expr, type Expression } from './expression.js';
import { inputVariable } from './input-variable.js';
import type { StackContext, StackName } from './stack.js';
import type { Fragment, RemoteStateBody, TerraformSettings } from './terraform.js';

/**
 * `${data.terraform_remote_state.<stack>.outputs.<output>}`: an output of an
 * earlier stack, recorded in `ctx.remoteReads` of the stack being built.
 * Assembly turns the records into the stack's `terraform_remote_state` data
 * sources, and refuses a read of a stack not applied before it.
 */
export function remoteOutput(
  ctx: Pick<StackContext, 'remoteReads'>,
  stack: StackName,
  output: string,
): Expression {
  ctx.remoteReads.push({ stack, output });
  return expr(`data.terraform_remote_state.${stack}.outputs.${output}`);
}

/** The `cloud` block or GCS `backend` of one stack. */
export function stateSettings(
  platform: PlatformConfig,
  env: ResolvedEnvironment,
  stack: StackName,
): Pick<TerraformSettings, 'cloud' | 'backend'> {
  const state = platform.state;
  if ((state.type === 'terraform-cloud') !== (env.names.terraformCloud !== undefined))
    throw new Error(
      `environment ${env.id} was resolved for another state backend than ${state.type}: resolve the spec with the platform config it is synthesized with`,
    );
  const location = env.names.stateLocations[stack];
  return state.type === 'terraform-cloud'
    ? {
        cloud: {
          hostname: state.hostname,
          organization: state.organization,
          workspaces: { name: location },
        },
      }
    : {
        backend: {
          gcs: {
            ...(state.bucket === undefined ? {} : { bucket: state.bucket }),
            prefix: location,
          },
        },
      };
}

/** Name of the input variable holding the state bucket when the platform config has no state. */
export const STATE_BUCKET_VARIABLE = 'state_bucket';

/**
 * The input variable remote state reads the bucket from, for stacks that read
 * earlier stacks' outputs when the platform config names no bucket; nothing otherwise.
 */
export function stateBucketInput(platform: PlatformConfig): Fragment[] {
  if (platform.state.type !== 'gcs' || platform.state.bucket !== undefined) return [];
  return [
    inputVariable(STATE_BUCKET_VARIABLE, {
      description:
        'Cloud Storage bucket of the Terraform state, the one given to "terraform init -backend-config=bucket=..." (state is not set in msp.config.yaml).',
      format: { pattern: STATE_BUCKET_PATTERN, message: 'must be a Cloud Storage bucket name' },
    }).fragment,
  ];
}

/** The `terraform_remote_state` data source that reads another stack's outputs. */
export function remoteStateData(
  platform: PlatformConfig,
  env: ResolvedEnvironment,
  stack: StackName,
): Fragment {
  const state = platform.state;
  const location = env.names.stateLocations[stack];
  const body: RemoteStateBody =
    state.type === 'terraform-cloud'
      ? {
          backend: 'remote',
          config: {
            hostname: state.hostname,
            organization: state.organization,
            workspaces: { name: location },
          },
        }
      : {
          backend: 'gcs',
          config: {
            bucket: state.bucket ?? expr(`var.${STATE_BUCKET_VARIABLE}`),
            prefix: location,
          },
        };
  return { data: { terraform_remote_state: { [stack]: body } } };
}
