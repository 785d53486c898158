/**
 * The runtime's typed errors. Each carries a stable `code`; type guards check
 * the code rather than `instanceof`, so they also work across duplicate
 * installs of this package.
 */

/** One missing or invalid environment variable. */
export interface ConfigIssue {
  /** The environment variable's name. */
  readonly variable: string;
  /** What is wrong, such as `required but not set`. */
  readonly message: string;
  /** How to fix it, when there is more to say than the message. */
  readonly hint?: string;
}

export class MspError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MspError';
    this.code = code;
  }
}

/** Thrown by {@link loadConfig} and `start()` with every configuration problem at once. */
export class ConfigError extends MspError {
  static readonly CODE = 'MSP_CONFIG_INVALID';
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[]) {
    super(ConfigError.CODE, formatConfigIssues(issues));
    this.name = 'ConfigError';
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

export function isMspError(value: unknown): value is MspError {
  return value instanceof Error && typeof (value as { code?: unknown }).code === 'string';
}

export function isConfigError(value: unknown): value is ConfigError {
  return (
    isMspError(value) &&
    value.code === ConfigError.CODE &&
    Array.isArray((value as { issues?: unknown }).issues)
  );
}
