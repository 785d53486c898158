import type { PlatformConfig, ResolvedEnvironment, ResolvedSpec } from '@msp/spec';
import { assembleStack } from './assemble-stack.js';
import { GenerationError } from './generation-error.js';
import type {
  EnvironmentStacks,
  Stack,
  StackContext,
  StackName,
  StackSet,
  SynthesizedStack,
} from './stack.js';
import { cloudrunStack } from './stacks/cloudrun.js';
import { iamStack } from './stacks/iam.js';
import { monitoringStack } from './stacks/monitoring.js';
import { projectStack } from './stacks/project.js';
import { tfcWorkspacesStack } from './stacks/tfcworkspaces.js';

export interface SynthesizeOptions {
  /**
   * Resolved image tags (`tag@sha256:digest`) of `subscription` environments,
   * by environment ID; see `resolveImageTags`.
   */
  readonly imageTags?: Readonly<Record<string, string>>;
  /** Only these environments (in spec order); @default every environment */
  readonly environmentIDs?: readonly string[];
}

/** The stack functions, in order; `undefined` means the stack does not apply (tfcworkspaces without Terraform Cloud). */
const STACKS: readonly ((ctx: StackContext) => Stack | undefined)[] = [
  projectStack,
  iamStack,
  cloudrunStack,
  monitoringStack,
  tfcWorkspacesStack,
];

/**
 * Turns a resolved spec into every environment's stacks. Pure: no I/O, and
 * equal inputs give equal output.
 *
 * @throws GenerationError listing every environment's problems (a missing resolved
 *   image tag, platform settings a feature needs, conflicting definitions, ...).
 */
export function synthesize(
  spec: ResolvedSpec,
  platform: PlatformConfig,
  options: SynthesizeOptions = {},
): StackSet {
  const problems: string[] = [];
  const environments: EnvironmentStacks[] = [];
  const wanted = options.environmentIDs;
  for (const env of spec.environments) {
    if (wanted !== undefined && !wanted.includes(env.id)) continue;
    try {
      environments.push(synthesizeEnvironment(spec, env, platform, options));
    } catch (error) {
      problems.push(
        `environments.${env.id}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  if (problems.length > 0) throw new GenerationError(problems);
  return { serviceID: spec.service.id, environments };
}

function synthesizeEnvironment(
  spec: ResolvedSpec,
  env: ResolvedEnvironment,
  platform: PlatformConfig,
  options: SynthesizeOptions,
): EnvironmentStacks {
  const resolvedImageTag = options.imageTags?.[env.id];
  const outputsByStack = new Map<StackName, ReadonlySet<string>>();
  const stacks: SynthesizedStack[] = [];
  for (const build of STACKS) {
    // Each stack gets its own record of the remote outputs it reads.
    const ctx: StackContext = {
      spec,
      env,
      platform,
      ...(resolvedImageTag === undefined ? {} : { resolvedImageTag }),
      remoteReads: [],
    };
    const stack = build(ctx);
    if (stack === undefined) continue;
    stacks.push(assembleStack(stack, ctx, outputsByStack));
    outputsByStack.set(stack.name, new Set(Object.keys(stack.outputs)));
  }
  return { id: env.id, terraformVersion: platform.terraformVersion, stacks };
}
