import type { PlatformConfig, ResolvedSpec } from '@msp/spec';
import {
  checkStackSetConformance,
  type ConformanceIssue,
} from './conformance/check-conformance.js';
import { renderStackSet } from './render-stack-set.js';
import { synthesize, type SynthesizeOptions } from './synthesize.js';
import type { StackSet } from './stack.js';

export interface GenerateServiceOptions extends SynthesizeOptions {
  /**
   * Also check every generated resource against the pinned provider schemas.
   * msp's tests check every golden; this is for a spec that may meet a generator bug.
   * @default false
   */
  readonly conformance?: boolean;
}

/** What one generated stack holds, for summaries: no need to parse the rendered files. */
export interface GeneratedStackSummary {
  readonly environment: string;
  readonly stack: string;
  /** Resources, not counting data sources. */
  readonly resources: number;
  /** Input variables the operator supplies at plan time, sorted. */
  readonly inputs: readonly string[];
}

export interface GeneratedService {
  readonly set: StackSet;
  /** Path (relative to the spec's directory) → content, sorted by path: text, or bytes for archives. */
  readonly files: Map<string, string | Uint8Array>;
  /** Every stack, environments in spec order and stacks in apply order. */
  readonly stacks: readonly GeneratedStackSummary[];
  /** Provider-schema problems; empty unless `conformance` was asked for. */
  readonly conformance: readonly (ConformanceIssue & { readonly stack: string })[];
}

/**
 * The whole generation of one resolved service: synthesis of the chosen
 * environments, the optional conformance check, and the rendered files. Pure:
 * no I/O; image digests come in as `imageTags`.
 * @throws GenerationError listing every environment's problems.
 */
export function generateService(
  spec: ResolvedSpec,
  platform: PlatformConfig,
  options: GenerateServiceOptions = {},
): GeneratedService {
  const set = synthesize(spec, platform, options);
  const stacks = set.environments.flatMap((env) =>
    env.stacks.map((stack) => ({
      environment: env.id,
      stack: stack.name,
      resources: Object.values(stack.document.resource ?? {}).reduce(
        (sum, byName) => sum + Object.keys(byName).length,
        0,
      ),
      inputs: Object.keys(stack.inputs ?? {}).sort(),
    })),
  );
  return {
    set,
    files: renderStackSet(set),
    stacks,
    conformance: options.conformance === true ? checkStackSetConformance(set) : [],
  };
}
