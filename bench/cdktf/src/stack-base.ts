// What every stack shares: the GCS state backend, the google provider, and
// outputs that are also locals (as msp writes them).
import { GcsBackend, TerraformLocal, TerraformOutput, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider/index.js';
import { SERVICE, statePrefix, type EnvironmentConfig } from './config.ts';

export function newStack(
  scope: Construct,
  env: EnvironmentConfig,
  name: string,
  withProject: boolean,
): TerraformStack {
  const stack = new TerraformStack(scope, `${env.id}-${name}`);
  new GcsBackend(stack, { bucket: SERVICE.stateBucket, prefix: statePrefix(env, name) });
  new GoogleProvider(
    stack,
    'google',
    withProject ? { project: env.projectID, region: SERVICE.region } : {},
  );
  return stack;
}

/** `output.<name>` whose value is `local.<name>`. */
export function addOutput(
  stack: TerraformStack,
  name: string,
  value: string,
  description: string,
  sensitive = false,
): void {
  const local = new TerraformLocal(stack, `local_${name}`, value);
  local.overrideLogicalId(name);
  new TerraformOutput(stack, `output_${name}`, {
    value: local.expression,
    description,
    ...(sensitive ? { sensitive } : {}),
  }).overrideLogicalId(name);
}
