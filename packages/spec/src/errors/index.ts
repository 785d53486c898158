// `@msp/spec/errors`: msp's one error class and its guards, with no
// dependencies, for every package that throws or reports msp's errors (the
// runtime and the CLI import it without loading the rest of @msp/spec). The
// codes and what they mean: docs/reference/errors.md.
export {
  MspError,
  UsageError,
  isMspError,
  isUsageError,
  type MspErrorOptions,
} from './msp-error.js';
export type { ErrorCode, ErrorPackage } from './error-codes.js';
