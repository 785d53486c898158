/**
 * The CLI's typed errors. `UsageError` means the command line itself is wrong
 * (exit 2); `CliError` means the input or the environment is (exit 1). Both
 * carry a stable code and an optional hint telling the user what to do.
 */

const usageBrand = Symbol.for('@msp/cli.UsageError');
const cliBrand = Symbol.for('@msp/cli.CliError');

export class CliError extends Error {
  readonly code: string;
  readonly hint: string | undefined;
  readonly [cliBrand] = true;

  constructor(code: string, message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CliError';
    this.code = code;
    this.hint = options.hint;
  }
}

export class UsageError extends CliError {
  readonly [usageBrand] = true;

  constructor(message: string, options: { hint?: string } = {}) {
    super('usage', message, options);
    this.name = 'UsageError';
  }
}

/** True for a `CliError` from any copy of this package. */
export function isCliError(value: unknown): value is CliError {
  return typeof value === 'object' && value !== null && cliBrand in value;
}

/** True for a `UsageError` from any copy of this package. */
export function isUsageError(value: unknown): value is UsageError {
  return typeof value === 'object' && value !== null && usageBrand in value;
}
