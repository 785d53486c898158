/**
 * Which arguments of a resource type force Terraform to destroy and recreate
 * it when they change, at the pinned provider versions. The data is extracted
 * from the providers' source by `tools/codegen/replacement-arguments.ts` into
 * `generated/replacement-arguments.ts`.
 */
export interface ReplacementTable {
  /** Provider name → the version (and source commit) the facts are for. */
  readonly providers: Readonly<
    Record<
      string,
      {
        readonly source: string;
        readonly version: string;
        readonly repository: string;
        readonly commit: string;
      }
    >
  >;
  readonly resources: Readonly<Record<string, ResourceReplacement>>;
}

export interface ResourceReplacement {
  readonly provider: string;
  /** The provider source file the facts were read from. */
  readonly source: string;
  /**
   * Argument paths (nested blocks joined by `.`, no list indices) whose change always forces
   * replacement: `ForceNew: true` (plugin SDK) or a `RequiresReplace` plan modifier (framework).
   */
  readonly forceNew: readonly string[];
  /**
   * Arguments that force replacement only under a condition (a CustomizeDiff `ForceNewIf*`, a
   * `RequiresReplaceIf*` modifier): e.g. Redis `redis_version` only when it decreases.
   */
  readonly conditional: readonly { readonly path: string; readonly when: string }[];
}
