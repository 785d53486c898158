/**
 * The runtime's configuration error. Like every msp error it is an `MspError`
 * (from `@msp/spec/errors`) with a stable code; the guards check msp's error
 * brand and the code rather than `instanceof`, so they also work across
 * duplicate installs.
 */
import { isMspError, MspError } from '@msp/spec/errors';

export { isMspError, MspError };
export type { ErrorCode } from '@msp/spec/errors';

/** One missing or invalid environment variable. */
export interface ConfigIssue {
  /** The environment variable's name. */
  readonly variable: string;
  /** What is wrong, such as `required but not set`. */
  readonly message: string;
  /** How to fix it, when there is more to say than the message. */
  readonly hint?: string;
}

/**
 * Thrown by {@link loadConfig} and `start()` with every configuration problem
 * at once: code `runtime-config-invalid`.
 */
export class ConfigError extends MspError {
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[]) {
    super('runtime-config-invalid', formatConfigIssues(issues));
    this.issues = issues;
  }
}

/** One line per issue, under a heading that counts them. */
export function formatConfigIssues(issues: readonly ConfigIssue[]): string {
  const heading =
    issues.length === 1
      ? 'invalid configuration: 1 problem'
      : `invalid configuration: ${issues.length} problems`;
  const lines = issues.map(
    (issue) => `  - ${issue.variable}: ${issue.message}${issue.hint ? ` (${issue.hint})` : ''}`,
  );
  return [heading, ...lines].join('\n');
}

/** True for a {@link ConfigError}, even one from another copy of this package. */
export function isConfigError(value: unknown): value is ConfigError {
  return isMspError(value, 'runtime-config-invalid');
}
