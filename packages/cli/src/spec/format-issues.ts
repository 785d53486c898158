import { relative } from 'node:path';
import { codeFrame, isError, type SpecIssue } from '@msp/spec/issues';
import type { Colors } from '../cli/colors.js';

/**
 * One issue as `file:line:column severity path: message [code]`, then a code
 * frame when the source is known, then the hint.
 */
export function formatIssue(
  issue: SpecIssue,
  file: { readonly path: string; readonly source?: string; readonly cwd: string },
  colors: Colors,
): string {
  const path = relative(file.cwd, issue.file ?? file.path) || file.path;
  const where = issue.line === undefined ? path : `${path}:${issue.line}:${issue.column ?? 1}`;
  const severity = isError(issue) ? colors.red('error') : colors.yellow('warning');
  const field = issue.path === '' ? '' : `${colors.bold(issue.path)}: `;
  const lines = [`${where} ${severity} ${field}${issue.message} ${colors.dim(`[${issue.code}]`)}`];
  const source = issue.file === undefined || issue.file === file.path ? file.source : undefined;
  if (source !== undefined && issue.line !== undefined) {
    lines.push(indent(codeFrame(source, issue, 1)));
  }
  if (issue.hint !== undefined) lines.push(`  ${colors.cyan('hint')}: ${issue.hint}`);
  return lines.join('\n');
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

/** `2 errors, 1 warning` */
export function countIssues(issues: readonly SpecIssue[]): string {
  const errors = issues.filter(isError).length;
  const warnings = issues.length - errors;
  const parts = [`${errors} error${errors === 1 ? '' : 's'}`];
  if (warnings > 0) parts.push(`${warnings} warning${warnings === 1 ? '' : 's'}`);
  return parts.join(', ');
}
