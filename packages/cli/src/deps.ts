/**
 * What the CLI needs from `@msp/spec` and `@msp/terraform-gen`, as plain
 * functions. Commands receive an `MspDeps` (loaded lazily, so `msp --version`
 * never loads the libraries); `wire-deps.ts` builds the real one and tests pass
 * fakes. Every function here is one stage of the pipeline in DESIGN.md.
 */
import type { PlatformConfig, ResolvedSpec } from '@msp/spec';

/** A problem found in a spec or platform config, as data (STYLE.md 4). */
export interface SpecIssue {
  /** Stable code, e.g. `projectid-prefix`. */
  readonly code: string;
  /** Field path, e.g. `environments[1].projectID`; empty for the whole document. */
  readonly path: string;
  readonly message: string;
  readonly hint?: string;
  /** 1-based. */
  readonly line?: number;
  /** 1-based. */
  readonly column?: number;
  /** @default "error" */
  readonly severity?: 'error' | 'warning';
  /** The file the issue is in, when not the spec itself (platform config, README, table schema). */
  readonly file?: string;
}

/** What the CLI reads of a valid spec itself; the rest goes to `resolveSpec` untouched. */
export interface ServiceSpecLike {
  readonly service: {
    readonly id: string;
    readonly name?: string;
    readonly kind?: 'service' | 'job';
  };
  readonly environments: readonly { readonly id: string }[];
}

export interface LoadedSpec {
  /** Absolute path of the `service.yaml`. */
  readonly path: string;
  /** The file's text, for code frames. */
  readonly source: string;
  /** Present when there is no issue of severity `error`. */
  readonly spec?: ServiceSpecLike;
  /** Every issue at once, warnings included. */
  readonly issues: readonly SpecIssue[];
}

export interface LoadedPlatformConfig {
  /** Present when the config has no errors (defaults when no file exists). */
  readonly config?: PlatformConfig;
  /** Absolute path of the `msp.config.yaml` found, if any. */
  readonly path?: string;
  readonly source?: string;
  readonly issues: readonly SpecIssue[];
}

export interface SynthesizeOptions {
  /** Only these environments; all when absent. */
  readonly environmentIDs?: readonly string[];
  /** Keep dynamic variables (resolved image digests) instead of resolving them again. */
  readonly stable: boolean;
}

export interface MspDeps {
  /**
   * `@msp/spec` `loadSpec`: reads the file (plus README and table schemas beside
   * it), parses and validates it. Invalid input is reported in `issues`, never
   * thrown; a missing or unreadable file throws the `fs` error.
   */
  loadSpec(path: string): Promise<LoadedSpec>;
  /** `@msp/spec`: finds `msp.config.yaml` walking up from `startDir`; defaults when none. */
  loadPlatformConfig(startDir: string): Promise<LoadedPlatformConfig>;
  /** `@msp/spec` `resolveSpec`: defaults filled in, names derived. */
  resolveSpec(spec: ServiceSpecLike, platform: PlatformConfig): ResolvedSpec;
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
  /** Absolute path of the installed `service.schema.json`, for `# yaml-language-server: $schema=` lines. */
  serviceSchemaPath(): string;
  /** `@msp/terraform-gen` `synthesize`: resolved spec → stack set (opaque to the CLI). */
  synthesize(resolved: ResolvedSpec, platform: PlatformConfig, options: SynthesizeOptions): unknown;
  /**
   * `@msp/terraform-gen` `renderStackSet`: stack set → files, keyed by paths
   * relative to the spec's directory with `/` separators:
   * `terraform/<env>/stacks/<stack>/main.tf.json`, `terraform/<env>/stacks/<stack>/terraform.tfvars`,
   * `terraform/<env>/.terraform-version`.
   */
  renderStackSet(stackSet: unknown): ReadonlyMap<string, string>;
}
