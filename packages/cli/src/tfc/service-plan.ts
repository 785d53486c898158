import { basename } from 'node:path';
import { MspError } from '@msp/spec/errors';
import { generateFiles } from '../generation/generate-service.js';
import { stackNames } from '../generation/stack-paths.js';
import { findEnvironment, prepareSpec } from '../spec/prepare-spec.js';
import {
  terraformCloudBackend,
  terraformCloudNames,
  workspaceName,
  type TerraformCloudBackend,
} from './names.js';
import type { Colors } from '../cli/colors.js';
import type { Io } from '../cli/io.js';
import type { Category, ResolvedEnvironment } from '@msp/spec';
import type { EnvironmentSync } from './sync.js';
import type { FileContent } from '../fs/file-content.js';

/** What `msp tfc sync` does for one spec: its backend and the environments to sync. */
export interface ServicePlan {
  readonly serviceID: string;
  readonly backend: TerraformCloudBackend;
  /** One per environment selected, in spec order; empty when none matches the filter. */
  readonly syncs: readonly EnvironmentSync[];
  /** The selected environments, matching `syncs`. */
  readonly environments: readonly ResolvedEnvironment[];
}

export interface EnvironmentFilter {
  /** Only this environment (a usage error when the spec lacks it). */
  readonly env?: string;
  /** Only environments of this category. */
  readonly category?: Category;
}

/** Loads and validates a spec, generates its stacks and lists the workspaces to sync. */
export async function planService(
  io: Io,
  colors: Colors,
  path: string,
  filter: EnvironmentFilter,
): Promise<ServicePlan> {
  const prepared = await prepareSpec(io, colors, path);
  const backend = terraformCloudBackend(prepared.platform);
  const { resolved } = prepared;
  const environments =
    filter.env !== undefined
      ? [findEnvironment(resolved, filter.env)]
      : resolved.environments.filter(
          (e) => filter.category === undefined || e.category === filter.category,
        );
  const files =
    environments.length === 0
      ? new Map<string, FileContent>()
      : await generateFiles(prepared, {
          environmentIDs: environments.map((e) => e.id),
          stable: true,
          io,
        });
  const syncs = environments.map((environment) =>
    environmentSync(
      backend,
      resolved.service.id,
      basename(prepared.dir),
      environment,
      files,
      prepared.platform.terraformVersion,
    ),
  );
  return { serviceID: resolved.service.id, backend, syncs, environments };
}

function environmentSync(
  backend: TerraformCloudBackend,
  serviceID: string,
  serviceDir: string,
  environment: ResolvedEnvironment,
  files: ReadonlyMap<string, FileContent>,
  terraformVersion: string,
): EnvironmentSync {
  const stacks = stackNames(files, environment.id);
  if (stacks.length === 0)
    throw new MspError(
      'no-stacks',
      `generation produced no stacks for environment ${environment.id}`,
    );
  const servicesDir = backend.vcs?.servicesDir ?? '';
  const names = terraformCloudNames(environment);
  return {
    serviceID,
    environmentID: environment.id,
    project: names.project,
    tags: names.workspaceTags,
    workspaces: stacks.map((stack) => ({
      name: workspaceName(environment, stack),
      stack,
      workingDirectory: [servicesDir, serviceDir, 'terraform', environment.id, 'stacks', stack]
        .filter((part) => part !== '')
        .join('/'),
      allowDestroys: environment.allowDestroys,
      terraformVersion,
    })),
  };
}
