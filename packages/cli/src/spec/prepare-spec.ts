import { access } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import type { PlatformConfig, ResolvedEnvironment, ResolvedSpec, SpecIssue } from '@msp/spec';
import { MspError, UsageError } from '@msp/spec/errors';
import { isError, sortIssues } from '@msp/spec/issues';
import { countIssues, formatIssue } from './format-issues.js';
import type { Colors } from '../cli/colors.js';
import type { Io } from '../cli/io.js';
import {
  loadPlatformConfig,
  loadSpec,
  resolveSpec,
  type LoadedSpec,
  type PlatformConfigReport,
} from '../libraries.js';

/** A spec that loaded, validated and resolved, with its platform config. */
export interface PreparedSpec {
  readonly loaded: LoadedSpec;
  readonly platform: PlatformConfig;
  readonly resolved: ResolvedSpec;
  /** Directory of the spec: generated files go beside it. */
  readonly dir: string;
}

/** Absolute path of a spec argument, `service.yaml` in the working directory by default. */
export function specPath(io: Io, file: string | undefined): string {
  return resolve(io.cwd, file ?? 'service.yaml');
}

/** Throws a clear error when the spec file does not exist. */
export async function assertSpecExists(io: Io, path: string): Promise<void> {
  try {
    await access(path);
  } catch {
    throw new MspError('spec-not-found', `no such file: ${relative(io.cwd, path) || path}`, {
      hint: 'Give the path to a service.yaml, or create one with "msp init <id>".',
    });
  }
}

function issuesText(
  io: Io,
  colors: Colors,
  file: { path: string; source?: string },
  issues: readonly SpecIssue[],
): string {
  return sortIssues(issues)
    .map((issue) => formatIssue(issue, { ...file, cwd: io.cwd }, colors) + '\n')
    .join('');
}

function printIssues(
  io: Io,
  colors: Colors,
  file: { path: string; source?: string },
  issues: readonly SpecIssue[],
): void {
  io.stderr.write(issuesText(io, colors, file, issues));
}

/** A spec and the platform config it was checked against, as the libraries report them. */
export interface SpecReport {
  readonly platform: PlatformConfigReport;
  /** Absent when the platform config is invalid: the spec cannot be checked without it. */
  readonly loaded?: LoadedSpec;
}

/** Loads the platform config found from the spec's directory, then the spec against it. */
export async function loadSpecReport(path: string): Promise<SpecReport> {
  const platform = await loadPlatformConfig(dirname(path));
  if (platform.config === undefined) return { platform };
  return { platform, loaded: await loadSpec(path, platform.config) };
}

/** The platform configs whose issues a command (its `Io`) has printed, by file ('' for the embedded default). */
const printedConfigs = new WeakMap<Io, Set<string>>();
const platformSinks = new WeakMap<Io, (key: string, text: string) => void>();

/**
 * Prints the platform config's issues (`key`: its file, '' for the embedded
 * default) unless this command already printed that config's: once per
 * command, however many specs use it.
 */
export function printPlatformIssuesOnce(io: Io, key: string, text: string): void {
  const printed = printedConfigs.get(io) ?? new Set<string>();
  printedConfigs.set(io, printed);
  if (printed.has(key)) return;
  printed.add(key);
  io.stderr.write(text);
}

/**
 * Sends the platform config's issues that `prepareSpec` finds for `io` to
 * `sink` instead of printing them: a worker thread hands them to the command,
 * which prints each config's once.
 */
export function forwardPlatformIssues(io: Io, sink: (key: string, text: string) => void): void {
  platformSinks.set(io, sink);
}

/**
 * Loads, validates and resolves one spec (checking that the file exists
 * before loading the libraries). Warnings go to stderr (the platform
 * config's once per command); errors are printed with code frames and then
 * thrown as one `MspError` (exit 1).
 */
export async function prepareSpec(io: Io, colors: Colors, path: string): Promise<PreparedSpec> {
  await assertSpecExists(io, path);
  const { platform, loaded } = await loadSpecReport(path);
  const configFile = platform.file ?? 'msp.config.yaml';
  // Without a config file, the embedded default's warnings are about this spec's generation.
  const notice = issuesText(
    io,
    colors,
    {
      path: platform.file ?? path,
      ...(platform.source === undefined ? {} : { source: platform.source }),
    },
    platform.issues,
  );
  (platformSinks.get(io) ?? ((key, text) => printPlatformIssuesOnce(io, key, text)))(
    platform.file ?? '',
    notice,
  );
  if (platform.config === undefined || loaded === undefined) {
    throw new MspError(
      'platform-config-invalid',
      `${relative(io.cwd, configFile) || configFile} is invalid: ${countIssues(platform.issues)}`,
      { hint: 'Fix the errors above; docs/reference/platform-config.md describes every field.' },
    );
  }
  printIssues(io, colors, loaded, loaded.issues);
  const name = relative(io.cwd, path) || path;
  if (loaded.spec === undefined || loaded.issues.some(isError)) {
    throw new MspError('spec-invalid', `${name} is invalid: ${countIssues(loaded.issues)}`, {
      hint: 'Fix the errors above; "msp validate" lists them again.',
    });
  }
  return {
    loaded,
    platform: platform.config,
    resolved: await resolveSpec(loaded.spec, platform.config, loaded.assets),
    dir: dirname(path),
  };
}

/** The environment with this ID, or a usage error listing the ones there are. */
export function findEnvironment(
  resolved: ResolvedSpec,
  id: string | undefined,
): ResolvedEnvironment {
  const ids = resolved.environments.map((e) => e.id);
  if (id === undefined) {
    if (resolved.environments.length === 1 && resolved.environments[0] !== undefined)
      return resolved.environments[0];
    throw new UsageError(
      `--env is required: ${resolved.service.id} has environments ${ids.join(', ')}`,
    );
  }
  const found = resolved.environments.find((e) => e.id === id);
  if (found === undefined) {
    throw new MspError(
      'unknown-environment',
      `service ${resolved.service.id} has no environment "${id}"`,
      {
        hint: `Environments: ${ids.join(', ') || 'none'}.`,
      },
    );
  }
  return found;
}
