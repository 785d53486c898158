import { isMspError, MspError } from '@msp/spec/errors';

/**
 * Thrown by `synthesize` with every problem found, across all environments:
 * code `generation-failed`.
 */
export class GenerationError extends MspError {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super('generation-failed', `cannot generate Terraform:\n  ${problems.join('\n  ')}`);
    this.problems = problems;
  }
}

/** True for a {@link GenerationError}, also from another copy of this package. */
export function isGenerationError(error: unknown): error is GenerationError {
  return isMspError(error, 'generation-failed');
}
