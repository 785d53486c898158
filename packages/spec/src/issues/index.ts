// `@msp/spec/issues`: the issue type and its helpers without the rest of the
// library (no parser, no validators), for tools that report issues before, or
// without, loading it.
export {
  formatPath,
  hasErrors,
  isError,
  sortIssues,
  type FieldPath,
  type IssueSeverity,
  type SpecIssue,
} from './spec-issue.js';
export { codeFrame, formatIssue } from './format-issue.js';
export type { IssueCode } from './issue-codes.js';
