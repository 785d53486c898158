/**
 * msp's one error class. Every error msp throws on purpose, in any package, is
 * an `MspError` with a stable code from docs/reference/errors.md and, where it
 * helps, a hint saying what to do. The guards check a brand from the global
 * symbol registry, not `instanceof`, so they also recognise errors from
 * another copy of `@msp/spec` (a duplicate install, a bundle).
 */
import type { ErrorCode } from './error-codes.js';

/** Shared by every copy of this module through `Symbol.for`. */
const BRAND = Symbol.for('msp.error');

export interface MspErrorOptions {
  /** What to do about it, when there is something useful to say; printed by the CLI. */
  readonly hint?: string | undefined;
  readonly cause?: unknown;
}

export class MspError extends Error {
  /** Stable; match on it, not on the message. */
  readonly code: ErrorCode;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, options: MspErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.hint = options.hint;
    Object.defineProperty(this, BRAND, { value: true, enumerable: false });
  }
}

/** A command or function was called wrongly (the CLI exits 2). */
export class UsageError extends MspError {
  constructor(message: string, options: MspErrorOptions = {}) {
    super('usage', message, options);
  }
}

/** True for an {@link MspError} from any copy of this package; with `code`, only for that code. */
export function isMspError<C extends ErrorCode>(
  value: unknown,
  code?: C,
): value is MspError & { readonly code: C } {
  if (typeof value !== 'object' || value === null) return false;
  if ((value as Record<symbol, unknown>)[BRAND] !== true) return false;
  return code === undefined || (value as { code?: unknown }).code === code;
}

/** True for a {@link UsageError} (code `usage`) from any copy of this package. */
export function isUsageError(value: unknown): value is UsageError {
  return isMspError(value, 'usage');
}
