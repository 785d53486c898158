/**
 * What the CLI needs from `@msp/spec` and `@msp/terraform-gen`, as plain
 * functions. Commands receive an `MspDeps` (loaded lazily, so `msp --version`
 * never loads the libraries); `wire-deps.ts` builds the real one and tests pass
 * fakes. Every function here is one stage of the pipeline in DESIGN.md; the
 * types are the libraries' own (type imports cost nothing at run time).
 */
import type { PlatformConfig, ResolvedSpec, ServiceSpec, SpecAssets, SpecIssue } from '@msp/spec';
import type {
  ConformanceIssue,
  GenerateServiceOptions,
  GeneratedService,
  ResourceReplacement,
} from '@msp/terraform-gen';

/** A spec as read by `loadSpec`: its text (for code frames) and, when valid, the spec. */
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
 * `@msp/spec`'s `LoadedPlatformConfig` as the CLI reports it: an invalid
 * config is a list of issues (not a thrown `ConfigError`), and the file's text
 * is kept for code frames.
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

export interface ImageTagOptions {
  /** Keep a digest pinned in the lock instead of asking the registry again. */
  readonly stable: boolean;
  /** Text of the lock file `terraform/images.lock.json`, when there is one. */
  readonly lock?: string;
  /** Told of each environment left on its plain tag because the registry was unreachable. */
  readonly onUnpinned?: (environmentID: string, reason: string) => void;
  /** A Google OAuth access token for Google registries; anonymous when absent or undefined. */
  readonly googleAccessToken?: () => Promise<string | undefined>;
  /** Registry hosts spoken to over plain HTTP (local registries). */
  readonly plainHTTPHosts?: readonly string[];
}

export interface MspDeps {
  /**
   * `@msp/spec` `readPlatformConfig`: the nearest `msp.config.yaml` walking up from
   * `startDir`, or the defaults when there is none.
   */
  loadPlatformConfig(startDir: string): Promise<PlatformConfigReport>;
  /**
   * `@msp/spec` `loadSpec`: reads the file (plus README and table schemas beside
   * it), parses and validates it against `platform`. Invalid input, a missing
   * file included, is reported in `issues`, never thrown.
   */
  loadSpec(path: string, platform: PlatformConfig): Promise<LoadedSpec>;
  /** `@msp/spec` `resolveSpec`: defaults filled in, names derived. */
  resolveSpec(spec: ServiceSpec, platform: PlatformConfig, assets?: SpecAssets): ResolvedSpec;
  /** `@msp/spec` `newProjectID`: `<service>-<env>-<hex suffix>`. @throws when too long or the suffix is under 2. */
  newProjectID(serviceID: string, environmentID: string, suffixLength: number): string;
  /**
   * `@msp/spec` `appendEnvironment`: the spec text with `environment` appended
   * to `environments`, keeping comments and formatting.
   */
  appendEnvironment(source: string, environment: Readonly<Record<string, unknown>>): string;
  /** `@msp/spec`: the published JSON Schema of `service.yaml`. */
  serviceSchema(): unknown;
  /** `@msp/spec`: the JSON Schema of `msp.config.yaml`. */
  platformSchema(): unknown;
  /**
   * `@msp/spec`: the published URL of `service.schema.json` (the versioned npm CDN path),
   * for `# yaml-language-server: $schema=` lines.
   */
  serviceSchemaURL(): string;
  /**
   * `resolveImageTags` (in `image-tags/`, at the CLI's edge) with the public registry resolver:
   * `tag@sha256:digest` of every `subscription` environment (the only
   * generation step that does network I/O, and only for environments the lock
   * does not pin), or the plain tag when the registry cannot be reached.
   * Empty when there is none.
   */
  resolveImageTags(
    resolved: ResolvedSpec,
    options: ImageTagOptions,
  ): Promise<Record<string, string>>;
  /**
   * `@msp/terraform-gen` `generateService`: synthesis of the chosen environments, the
   * optional provider-schema check and the rendered files (paths relative to the spec's
   * directory with `/` separators), with a summary of every stack. Asynchronous only
   * because the generation library loads on first use: commands that generate nothing
   * (validate, release, logs, ...) never load it.
   * @throws Error when stacks conflict (a generator bug).
   */
  generateService(
    resolved: ResolvedSpec,
    platform: PlatformConfig,
    options: GenerateServiceOptions,
  ): Promise<GeneratedService>;
  /**
   * The image lock file (`terraform/images.lock.json`) pinning each
   * subscription environment's resolved digest, from `resolveImageTags`'s
   * result; undefined when no environment is pinned.
   */
  imageLock(
    resolved: ResolvedSpec,
    imageTags: Readonly<Record<string, string>>,
  ): string | undefined;
  /**
   * `@msp/terraform-gen` `replacementArguments`, once the generation library is loaded: the
   * arguments of a resource type whose change forces replacement at the pinned provider
   * versions; undefined for a type it does not cover.
   */
  replacementLookup(): Promise<(type: string) => ResourceReplacement | undefined>;
}
