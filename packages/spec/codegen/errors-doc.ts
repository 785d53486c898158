import { ISSUE_CODES } from '../src/issues/issue-codes.js';
import { ERROR_CODES, type ErrorPackage } from '../src/errors/error-codes.js';

/** The sections of thrown error codes, in pipeline order. */
const PACKAGES: readonly ErrorPackage[] = ['spec', 'terraform-gen', 'runtime', 'cli'];

export function renderErrorsDoc(marker: string): string {
  const lines = [
    `<!-- ${marker} -->`,
    '',
    '# Errors and issue codes',
    '',
    'Problems in a spec or platform config are reported as issues: `file:line:column path: message [code]`, with a hint where one helps. Warnings never fail validation. Everything msp throws on purpose is an error with a code. The codes below are stable; match on them, not on messages. `packages/spec/test/error-codes.test.ts` checks that every code thrown or reported in `packages/*/src` is listed here and every code listed is still used.',
    '',
    '## Issue codes',
    '',
    "Reported by `@msp/spec` (and printed by `msp validate` and `msp generate`). Each issue's message and hint say how to fix that instance.",
    '',
    '| code | meaning |',
    '|---|---|',
    ...Object.entries(ISSUE_CODES).map(([code, meaning]) => `| \`${code}\` | ${meaning} |`),
    '',
    '## Error codes',
    '',
    'Every error msp throws on purpose is an `MspError` (from `@msp/spec/errors`, which has no dependencies): `code`, `message`, `hint` (what to do, when there is something useful to say) and `cause`. The error classes below extend it. Use the guards, which work across duplicate installs, rather than `instanceof`: `isMspError(error)` or `isMspError(error, code)`, and `isUsageError`, `isSpecError`, `isConfigError` (`@msp/spec`; `@msp/runtime` has its own `isConfigError`), `isGenerationError`, `isIntegrationConfigError`, `isMigrationError`. The CLI prints an `MspError` as `error: <message>` and `hint: <hint>`, without a stack trace (`--verbose` adds it), and exits 2 for `usage`, 1 for the others.',
    ...PACKAGES.flatMap((pkg) => [
      '',
      `### @msp/${pkg}`,
      '',
      '| code | meaning | fix |',
      '|---|---|---|',
      ...Object.entries(ERROR_CODES)
        .filter(([, info]) => info.package === pkg)
        .map(([code, info]) => `| \`${code}\` | ${info.meaning} | ${info.fix} |`),
    ]),
    '',
  ];
  return lines.join('\n');
}
