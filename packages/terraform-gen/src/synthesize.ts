import type { PlatformConfig, ResolvedEnvironment, ResolvedSpec } from '@msp/spec';
import { expr } from './expression.js';
import { GenerationError } from './generation-error.js';
import { mergeFragments } from './merge-fragments.js';
import { requiredProviders } from './providers.js';
import {
  remoteOutputsUsed,
  remoteStateData,
  stateBucketInput,
  stateSettings,
} from './remote-state.js';
import {
  STACK_NAMES,
  type EnvironmentStacks,
  type Stack,
  type StackContext,
  type StackName,
  type StackSet,
  type SynthesizedStack,
} from './stack.js';
import { cloudrunStack } from './stacks/cloudrun.js';
import { iamStack } from './stacks/iam.js';
import { monitoringStack } from './stacks/monitoring.js';
import { projectStack } from './stacks/project.js';
import { tfcWorkspacesStack } from './stacks/tfcworkspaces.js';
import type { Fragment } from './terraform.js';

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
  const ctx: StackContext = {
    spec,
    env,
    platform,
    ...(resolvedImageTag === undefined ? {} : { resolvedImageTag }),
  };
  const outputsByStack = new Map<StackName, ReadonlySet<string>>();
  const stacks: SynthesizedStack[] = [];
  for (const build of STACKS) {
    const stack = build(ctx);
    if (stack === undefined) continue;
    stacks.push(assembleStack(stack, ctx, outputsByStack));
    outputsByStack.set(stack.name, new Set(Object.keys(stack.outputs)));
  }
  return { id: env.id, terraformVersion: platform.terraformVersion, stacks };
}

/** Wraps a stack's fragments with outputs, variables, remote state, providers and the state backend. */
function assembleStack(
  stack: Stack,
  { env, platform }: StackContext,
  earlier: ReadonlyMap<StackName, ReadonlySet<string>>,
): SynthesizedStack {
  const variables = stack.variables ?? {};
  const own: Fragment = {
    ...nonEmpty(
      'locals',
      Object.fromEntries(Object.entries(stack.outputs).map(([name, o]) => [name, o.value])),
    ),
    ...nonEmpty(
      'output',
      Object.fromEntries(
        Object.entries(stack.outputs).map(([name, o]) => [
          name,
          {
            value: expr(`local.${name}`),
            description: o.description,
            ...(o.sensitive ? { sensitive: true } : {}),
          },
        ]),
      ),
    ),
    ...nonEmpty(
      'variable',
      Object.fromEntries(
        Object.entries(variables).map(([name, v]) => [
          name,
          { type: 'string', description: v.description },
        ]),
      ),
    ),
  };
  const body = mergeFragments([...stack.fragments, own]);
  const remote = remoteStacks(stack.name, JSON.stringify(body), earlier).map((name) =>
    remoteStateData(platform, env, name),
  );
  const withRemote = mergeFragments([
    body,
    ...remote,
    ...(remote.length === 0 ? [] : stateBucketInput(platform)),
  ]);
  if (withRemote.ephemeral !== undefined && !atLeast(platform.terraformVersion, [1, 10])) {
    throw new Error(
      `stack ${stack.name} reads provider tokens as ephemeral values, which need Terraform 1.10 or later: ` +
        `terraformVersion in msp.config.yaml is ${platform.terraformVersion}`,
    );
  }
  const document = mergeFragments([
    {
      terraform: {
        required_version: `~> ${platform.terraformVersion}`,
        required_providers: requiredProviders(withRemote),
        ...stateSettings(platform, env, stack.name),
      },
    },
    withRemote,
  ]);
  return {
    name: stack.name,
    document,
    tfvars: Object.fromEntries(Object.entries(variables).map(([name, v]) => [name, v.value])),
    inputs: Object.fromEntries(
      Object.entries(document.variable ?? {}).filter(([name]) => !(name in variables)),
    ),
    ...(stack.files === undefined ? {} : { files: stack.files }),
  };
}

/** The earlier stacks a document reads; every output it reads must exist there. */
function remoteStacks(
  stack: StackName,
  json: string,
  earlier: ReadonlyMap<StackName, ReadonlySet<string>>,
): StackName[] {
  const problems: string[] = [];
  const names = new Set<StackName>();
  for (const [name, output] of remoteOutputsUsed(json)) {
    const outputs = earlier.get(name as StackName);
    if (!STACK_NAMES.includes(name as StackName) || outputs === undefined) {
      problems.push(`stack ${stack} reads stack ${name}, which is not applied before it`);
    } else if (!outputs.has(output)) {
      problems.push(`stack ${stack} reads output ${output}, which stack ${name} does not define`);
    } else {
      names.add(name as StackName);
    }
  }
  if (problems.length > 0) throw new Error([...new Set(problems)].join('; '));
  return [...names].sort();
}

/** `{ [key]: value }`, or nothing when `value` is empty: Terraform rejects empty label objects. */
function nonEmpty<K extends string, V extends object>(key: K, value: V): { [P in K]?: V } {
  return (Object.keys(value).length === 0 ? {} : { [key]: value }) as { [P in K]?: V };
}

/** True when a `major.minor.patch` version is at least `[major, minor]`. */
function atLeast(version: string, [major, minor]: readonly [number, number]): boolean {
  const [a = 0, b = 0] = version.split('.').map(Number);
  return a > major || (a === major && b >= minor);
}
