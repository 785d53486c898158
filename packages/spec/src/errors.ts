/**
 * The few error types msp throws. Type guards check a brand from the global
 * symbol registry, not `instanceof`, so they work across duplicate installs.
 */
import type { ErrorCode } from './issues/issue-codes.js';
import type { SpecIssue } from './issues/spec-issue.js';
import { formatIssue } from './issues/format-issue.js';

/** Holds the error kind; shared by every copy of this package through `Symbol.for`. */
const BRAND = Symbol.for('@msp/spec/MspError');

type Kind = 'spec' | 'config' | 'usage';

export class MspError extends Error {
  readonly code: ErrorCode;

  protected constructor(
    kind: Kind,
    code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    Object.defineProperty(this, BRAND, { value: kind, enumerable: false });
  }
}

/** A spec (or file beside it) has errors. */
export class SpecError extends MspError {
  readonly issues: readonly SpecIssue[];

  constructor(issues: readonly SpecIssue[], options?: { cause?: unknown }) {
    super('spec', 'spec-invalid', summarize('spec', issues), options);
    this.issues = issues;
  }
}

/** The platform config is invalid; `issues` lists the problems when they come from a file. */
export class ConfigError extends MspError {
  readonly issues: readonly SpecIssue[];

  constructor(message: string, issues: readonly SpecIssue[] = [], options?: { cause?: unknown }) {
    super(
      'config',
      'config-invalid',
      issues.length > 0 ? `${message}\n${issues.map(formatIssue).join('\n')}` : message,
      options,
    );
    this.issues = issues;
  }
}

/** A function or command was called wrongly. */
export class UsageError extends MspError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('usage', 'usage', message, options);
  }
}

function summarize(what: string, issues: readonly SpecIssue[]): string {
  const errors = issues.filter((issue) => issue.severity === 'error');
  const head = `${what} has ${errors.length} error${errors.length === 1 ? '' : 's'}`;
  return [head, ...errors.map(formatIssue)].join('\n');
}

function kindOf(value: unknown): Kind | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const kind = (value as Record<symbol, unknown>)[BRAND];
  return kind === 'spec' || kind === 'config' || kind === 'usage' ? kind : undefined;
}

export function isMspError(value: unknown): value is MspError {
  return kindOf(value) !== undefined;
}

export function isSpecError(value: unknown): value is SpecError {
  return kindOf(value) === 'spec';
}

export function isConfigError(value: unknown): value is ConfigError {
  return kindOf(value) === 'config';
}

export function isUsageError(value: unknown): value is UsageError {
  return kindOf(value) === 'usage';
}
