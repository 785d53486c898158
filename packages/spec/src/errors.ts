/**
 * The errors of `@msp/spec`: `SpecError` and `ConfigError` carry the issues
 * found, beside the one error model of `@msp/spec/errors` (src/errors/), which
 * this module re-exports for the library's own modules.
 */
import type { SpecIssue } from './issues/spec-issue.js';
import { formatIssue } from './issues/format-issue.js';
import { isMspError, MspError } from './errors/msp-error.js';

export { isMspError, isUsageError, MspError, UsageError } from './errors/msp-error.js';

/** A spec (or file beside it) has errors: code `spec-invalid`. */
export class SpecError extends MspError {
  readonly issues: readonly SpecIssue[];

  constructor(issues: readonly SpecIssue[], options: { cause?: unknown } = {}) {
    super('spec-invalid', summarize('spec', issues), options);
    this.issues = issues;
  }
}

/**
 * The platform config is invalid or unreadable: code `platform-config-invalid`;
 * `issues` lists the problems when they come from a file.
 */
export class ConfigError extends MspError {
  readonly issues: readonly SpecIssue[];

  constructor(
    message: string,
    issues: readonly SpecIssue[] = [],
    options: { cause?: unknown } = {},
  ) {
    super(
      'platform-config-invalid',
      issues.length > 0 ? `${message}\n${issues.map(formatIssue).join('\n')}` : message,
      options,
    );
    this.issues = issues;
  }
}

function summarize(what: string, issues: readonly SpecIssue[]): string {
  const errors = issues.filter((issue) => issue.severity === 'error');
  const head = `${what} has ${errors.length} error${errors.length === 1 ? '' : 's'}`;
  return [head, ...errors.map(formatIssue)].join('\n');
}

function hasIssues(value: object): boolean {
  return Array.isArray((value as { issues?: unknown }).issues);
}

/** True for a {@link SpecError} from any copy of this package (the CLI's own `spec-invalid` has no issues). */
export function isSpecError(value: unknown): value is SpecError {
  return isMspError(value, 'spec-invalid') && hasIssues(value);
}

/** True for a {@link ConfigError} from any copy of this package. */
export function isConfigError(value: unknown): value is ConfigError {
  return isMspError(value, 'platform-config-invalid') && hasIssues(value);
}
