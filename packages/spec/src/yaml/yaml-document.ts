import type { FieldPath, IssueSeverity, SpecIssue } from '../issues/spec-issue.js';
import type { IssueCode } from '../issues/issue-codes.js';
import { formatPath } from '../issues/spec-issue.js';

export interface SourcePosition {
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
}

/**
 * A parsed YAML file: its data as plain values, the problems found while
 * parsing, and a way back from a field path to a line and column.
 */
export interface YamlDocument {
  readonly fileName: string;
  readonly text: string;
  /** The top-level mapping, or undefined when there is none to validate. */
  readonly value: Record<string, unknown> | undefined;
  /** Problems found while parsing (syntax, duplicate keys, ...). */
  readonly issues: readonly SpecIssue[];
  /**
   * Where a field is: its key (`at: 'key'`) or its value (the default).
   * Falls back to the nearest enclosing field that exists in the text.
   */
  position(path: FieldPath, at?: 'key' | 'value'): SourcePosition | undefined;
  /** A scalar exactly as written (`1.0`, `yes`), for fields that take any scalar as a string. */
  scalarSource(path: FieldPath): string | undefined;
}

export interface IssueInput {
  readonly code: IssueCode;
  readonly path: FieldPath;
  readonly message: string;
  readonly hint?: string | undefined;
  readonly severity?: IssueSeverity;
  /** Point at the key rather than the value. */
  readonly at?: 'key' | 'value';
  /** An exact position, when the path alone would be ambiguous (such as a duplicate key). */
  readonly position?: SourcePosition;
}

/** Builds an issue positioned in `doc`. */
export function issueIn(
  doc: Pick<YamlDocument, 'fileName' | 'position'>,
  input: IssueInput,
): SpecIssue {
  const position = input.position ?? doc.position(input.path, input.at);
  return {
    code: input.code,
    severity: input.severity ?? 'error',
    path: formatPath(input.path),
    message: input.message,
    ...(input.hint === undefined ? {} : { hint: input.hint }),
    file: doc.fileName,
    ...(position === undefined ? {} : { line: position.line, column: position.column }),
  };
}
