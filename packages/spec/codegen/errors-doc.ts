import { ERROR_CODES, ISSUE_CODES } from '../src/issues/issue-codes.js';

export function renderErrorsDoc(marker: string): string {
  const lines = [
    `<!-- ${marker} -->`,
    '',
    '# Errors and issue codes',
    '',
    'Problems in a spec or platform config are reported as issues: `file:line:column path: message [code]`, with a hint where one helps. Warnings never fail validation. The codes below are stable; match on them, not on messages.',
    '',
    '## Issue codes',
    '',
    '| code | meaning |',
    '|---|---|',
    ...Object.entries(ISSUE_CODES).map(([code, meaning]) => `| \`${code}\` | ${meaning} |`),
    '',
    '## Error codes',
    '',
    'Thrown errors extend `MspError` and carry one of these codes. Use the type guards (`isSpecError`, `isConfigError`, `isUsageError`, `isMspError`), which work across duplicate installs, rather than `instanceof`.',
    '',
    '| code | meaning |',
    '|---|---|',
    ...Object.entries(ERROR_CODES).map(([code, meaning]) => `| \`${code}\` | ${meaning} |`),
    '',
  ];
  return lines.join('\n');
}
