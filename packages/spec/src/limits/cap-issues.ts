import type { SpecIssue } from '../issues/spec-issue.js';
import { INPUT_LIMITS } from './input-limits.js';

/**
 * The first `max` of sorted issues, and one more that says how many were left
 * out: a file with thousands of problems is not helped by a list of thousands.
 */
export function capIssues(
  issues: readonly SpecIssue[],
  max: number = INPUT_LIMITS.maxIssues,
): readonly SpecIssue[] {
  if (issues.length <= max) return issues;
  const kept = issues.slice(0, max);
  const dropped = issues.slice(max);
  const first = dropped[0];
  const errors = dropped.filter((issue) => issue.severity === 'error').length;
  return [
    ...kept,
    {
      code: 'too-many-issues',
      severity: errors > 0 ? 'error' : 'warning',
      path: '',
      message: `${dropped.length} more issues (${errors} errors) are not shown; msp lists at most ${max} per file`,
      hint: 'fix the issues above and run again',
      ...(first?.file === undefined ? {} : { file: first.file }),
      ...(first?.line === undefined ? {} : { line: first.line }),
      ...(first?.column === undefined ? {} : { column: first.column }),
    },
  ];
}
