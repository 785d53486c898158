/** Thrown by `synthesize` with every problem found, across all environments. */
export class GenerationError extends Error {
  readonly code = 'TF_GENERATION';
  constructor(readonly problems: readonly string[]) {
    super(`cannot generate Terraform:\n  ${problems.join('\n  ')}`);
    this.name = 'GenerationError';
  }
}

/** Type guard that survives duplicate installs (compares the code, not the class). */
export function isGenerationError(error: unknown): error is GenerationError {
  return error instanceof Error && (error as { code?: unknown }).code === 'TF_GENERATION';
}
