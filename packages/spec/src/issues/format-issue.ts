import type { SpecIssue } from './spec-issue.js';

/**
 * One line per issue: `service.yaml:14:5 environments[1].projectID: message`,
 * with the hint on a second line. Warnings are marked.
 */
export function formatIssue(issue: SpecIssue): string {
  const where = [issue.file, issue.line, issue.column]
    .filter((part) => part !== undefined)
    .join(':');
  const field = issue.path === '' ? '' : `${issue.path}: `;
  const label = issue.severity === 'warning' ? 'warning: ' : '';
  const head = `${where === '' ? '' : `${where} `}${label}${field}${issue.message} [${issue.code}]`;
  return issue.hint === undefined ? head : `${head}\n  hint: ${issue.hint}`;
}

/**
 * The source lines around an issue with a caret under its column, for
 * terminals. Returns an empty string when the issue has no position.
 */
export function codeFrame(
  text: string,
  issue: Pick<SpecIssue, 'line' | 'column'>,
  contextLines = 2,
): string {
  if (issue.line === undefined) return '';
  const lines = text.split(/\r?\n/);
  const first = Math.max(1, issue.line - contextLines);
  const last = Math.min(lines.length, issue.line + contextLines);
  const width = String(last).length;
  const out: string[] = [];
  for (let number = first; number <= last; number++) {
    const marker = number === issue.line ? '>' : ' ';
    out.push(`${marker} ${String(number).padStart(width)} | ${lines[number - 1] ?? ''}`.trimEnd());
    if (number === issue.line) {
      out.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, (issue.column ?? 1) - 1))}^`);
    }
  }
  return out.join('\n');
}
