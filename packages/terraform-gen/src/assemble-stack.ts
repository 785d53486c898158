import { expr } from './expression.js';
import { mergeFragments } from './merge-fragments.js';
import { requiredProviders } from './providers.js';
import { remoteStateData, stateBucketInput, stateSettings } from './remote-state.js';
import type { RemoteRead, Stack, StackContext, StackName, SynthesizedStack } from './stack.js';
import type { Fragment } from './terraform.js';

/**
 * Wraps a stack's fragments into its document: its outputs (also as locals)
 * and dynamic variables, one `terraform_remote_state` data source per stack
 * it read (`ctx.remoteReads`, recorded by `remoteOutput` while the stack was
 * built), the required providers and the state backend.
 *
 * @param earlier the output names of every stack applied before this one
 * @throws Error when the stack reads a stack not applied before it or an
 *   output that stack does not define, or needs a newer Terraform
 */
export function assembleStack(
  stack: Stack,
  ctx: StackContext,
  earlier: ReadonlyMap<StackName, ReadonlySet<string>>,
): SynthesizedStack {
  const { env, platform } = ctx;
  const variables = stack.variables ?? {};
  const remote = remoteStacks(stack.name, ctx.remoteReads, earlier);
  const fragments: Fragment[] = [
    ...stack.fragments,
    outputsAndVariables(stack),
    ...remote.map((name) => remoteStateData(platform, env, name)),
    ...(remote.length === 0 ? [] : stateBucketInput(platform)),
  ];
  const document = mergeFragments([
    {
      terraform: {
        required_version: `~> ${platform.terraformVersion}`,
        required_providers: requiredProviders(fragments),
        ...stateSettings(platform, env, stack.name),
      },
    },
    ...fragments,
  ]);
  if (document.ephemeral !== undefined && !atLeast(platform.terraformVersion, [1, 10])) {
    throw new Error(
      `stack ${stack.name} reads provider tokens as ephemeral values, which need Terraform 1.10 or later: ` +
        `terraformVersion in msp.config.yaml is ${platform.terraformVersion}`,
    );
  }
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

/** The stack's outputs (each also a `local.<name>`) and its dynamic variables. */
function outputsAndVariables(stack: Stack): Fragment {
  return {
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
        Object.entries(stack.variables ?? {}).map(([name, v]) => [
          name,
          { type: 'string', description: v.description },
        ]),
      ),
    ),
  };
}

/** The stacks a stack's recorded reads name, sorted; each must be earlier and define the output read. */
function remoteStacks(
  stack: StackName,
  reads: readonly RemoteRead[],
  earlier: ReadonlyMap<StackName, ReadonlySet<string>>,
): StackName[] {
  const problems = new Set<string>();
  const names = new Set<StackName>();
  for (const { stack: name, output } of reads) {
    const outputs = earlier.get(name);
    if (outputs === undefined)
      problems.add(`stack ${stack} reads stack ${name}, which is not applied before it`);
    else if (!outputs.has(output))
      problems.add(`stack ${stack} reads output ${output}, which stack ${name} does not define`);
    else names.add(name);
  }
  if (problems.size > 0) throw new Error([...problems].join('; '));
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
