/**
 * The CLI's one boundary to `@msp/spec` and `@msp/terraform-gen`. Both load on
 * first use (a dynamic import), so `msp --version` and the commands that read
 * no spec load neither, and only the commands that generate load the
 * generation library. Here, and only here, the libraries' results become what
 * the CLI reports: issue paths made absolute, and an unreadable platform config
 * an error. The libraries' errors need no adapting: they are `MspError`s of
 * `@msp/spec/errors`, like the CLI's own. The types are the libraries' own.
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import { MspError } from '@msp/spec/errors';
import type { PlatformConfig, ResolvedSpec, ServiceSpec, SpecAssets, SpecIssue } from '@msp/spec';
import type {
  ConformanceIssue,
  GenerateServiceOptions,
  GeneratedService,
  ResourceReplacement,
} from '@msp/terraform-gen';
import type * as SpecModule from '@msp/spec';
import type * as GenerationModule from '@msp/terraform-gen';

type SpecLibrary = typeof SpecModule;
type GenerationLibrary = typeof GenerationModule;

let specLoading: Promise<SpecLibrary> | undefined;
let generationLoading: Promise<GenerationLibrary> | undefined;
const specLibrary = (): Promise<SpecLibrary> => (specLoading ??= import('@msp/spec'));

/** `@msp/terraform-gen`, loaded on the first call. */
export const generationLibrary = (): Promise<GenerationLibrary> =>
  (generationLoading ??= import('@msp/terraform-gen'));

/** A spec as read by {@link loadSpec}: its text (for code frames) and, when valid, the spec. */
export interface LoadedSpec {
  /** Absolute path of the `service.yaml`. */
  readonly path: string;
  /** The file's text, for code frames. */
  readonly source: string;
  /** Present when there is no issue of severity `error`. */
  readonly spec?: ServiceSpec;
  /** Files beside the spec that `resolveSpec` needs; present with `spec`. */
  readonly assets?: SpecAssets;
  /** Every issue at once, warnings included; `file` is absolute when set. */
  readonly issues: readonly SpecIssue[];
}

/**
 * A platform config as the CLI reports it: an invalid config is a list of
 * issues (not a thrown error), and the file's text is kept for code frames.
 */
export interface PlatformConfigReport {
  /** Present when the config has no errors (the defaults when no file exists). */
  readonly config?: PlatformConfig;
  /** Absolute path of the `msp.config.yaml` found, if any. */
  readonly file?: string;
  readonly source?: string;
  readonly issues: readonly SpecIssue[];
}

/** A conformance issue of one stack, `stack` being `<env>/<stack>`. */
export type StackConformanceIssue = ConformanceIssue & { readonly stack: string };

function absolute(dir: string, issue: SpecIssue): SpecIssue {
  return issue.file === undefined || isAbsolute(issue.file)
    ? issue
    : { ...issue, file: resolve(dir, issue.file) };
}

/**
 * The nearest `msp.config.yaml` walking up from `startDir`, or the defaults
 * when there is none.
 * @throws MspError `platform-config-unreadable` when the file exists but cannot be read.
 */
export async function loadPlatformConfig(startDir: string): Promise<PlatformConfigReport> {
  const reading = await (await specLibrary()).readPlatformConfig(startDir);
  const { file, source, issues } = reading;
  if (file === undefined) return reading.ok ? { config: reading.config, issues } : { issues };
  if (source === undefined) {
    throw new MspError('platform-config-unreadable', `cannot read ${file}`, {
      cause: issues[0]?.message,
    });
  }
  return reading.ok ? { config: reading.config, file, source, issues } : { file, source, issues };
}

/**
 * Reads the spec (plus the README and table schemas beside it), parses and
 * validates it against `platform`. Invalid input, a missing file included, is
 * reported in `issues`, never thrown.
 */
export async function loadSpec(path: string, platform: PlatformConfig): Promise<LoadedSpec> {
  const dir = dirname(path);
  const loaded = await (await specLibrary()).loadSpec(path, { platform });
  const issues = loaded.issues.map((issue) => absolute(dir, issue));
  // A missing file is an issue; its text is only for code frames.
  const source = loaded.source ?? '';
  return loaded.ok
    ? { path, source, spec: loaded.spec, assets: loaded.assets, issues }
    : { path, source, issues };
}

/** A valid spec with defaults filled in and names derived. */
export async function resolveSpec(
  spec: ServiceSpec,
  platform: PlatformConfig,
  assets?: SpecAssets,
): Promise<ResolvedSpec> {
  return (await specLibrary()).resolveSpec(spec, platform, assets);
}

/** `<service>-<env>-<hex suffix>`. @throws UsageError when too long or the suffix is under 2. */
export async function newProjectID(
  serviceID: string,
  environmentID: string,
  suffixLength: number,
): Promise<string> {
  return (await specLibrary()).newProjectID(serviceID, environmentID, suffixLength);
}

/**
 * The spec text with `environment` appended to `environments`, keeping comments and formatting.
 * @throws SpecError when the text is not YAML; UsageError when it has no `environments` list.
 */
export async function appendEnvironment(
  source: string,
  environment: Readonly<Record<string, unknown>>,
): Promise<string> {
  return (await specLibrary()).appendEnvironment(source, environment);
}

/** The published JSON Schemas of `service.yaml` and `msp.config.yaml`. */
export async function schemas(): Promise<{ service: unknown; platform: unknown }> {
  const spec = await specLibrary();
  return { service: spec.serviceSchema, platform: spec.platformSchema };
}

/** The published URL of `service.schema.json`, for `# yaml-language-server: $schema=` lines. */
export async function serviceSchemaURL(): Promise<string> {
  return (await specLibrary()).SERVICE_SCHEMA_ID;
}

/**
 * Synthesis of the chosen environments, the optional provider-schema check and
 * the rendered files (paths relative to the spec's directory with `/`
 * separators), with a summary of every stack.
 * @throws Error when stacks conflict (a generator bug).
 */
export async function generateService(
  resolved: ResolvedSpec,
  platform: PlatformConfig,
  options: GenerateServiceOptions,
): Promise<GeneratedService> {
  return (await generationLibrary()).generateService(resolved, platform, options);
}

/**
 * The arguments of a resource type whose change forces replacement at the
 * pinned provider versions; undefined for a type the table does not cover.
 */
export async function replacementLookup(): Promise<
  (type: string) => ResourceReplacement | undefined
> {
  const generation = await generationLibrary();
  return (type) => generation.replacementArguments(type);
}
