import type { IssueCode } from './issue-codes.js';

export type IssueSeverity = 'error' | 'warning';

/** One problem found in a spec or platform config, with where it is. */
export interface SpecIssue {
  /** Stable code, listed in docs/reference/errors.md. */
  readonly code: IssueCode;
  readonly severity: IssueSeverity;
  /** Field path such as `environments[1].projectID`; empty for the whole document. */
  readonly path: string;
  readonly message: string;
  /** How to fix it, when there is something useful to say. */
  readonly hint?: string;
  readonly file?: string;
  /** 1-based. */
  readonly line?: number;
  /** 1-based. */
  readonly column?: number;
}

/** A path inside a document: keys and list indexes. */
export type FieldPath = readonly (string | number)[];

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** `['environments', 1, 'projectID']` → `environments[1].projectID`. */
export function formatPath(path: FieldPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

export function isError(issue: SpecIssue): boolean {
  return issue.severity === 'error';
}

export function hasErrors(issues: readonly SpecIssue[]): boolean {
  return issues.some(isError);
}

/** Orders issues by file, position, then code, so output is stable. */
export function sortIssues(issues: readonly SpecIssue[]): SpecIssue[] {
  return [...issues].sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      a.path.localeCompare(b.path) ||
      a.code.localeCompare(b.code),
  );
}
