import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareCodes, scanPackages, scanSource, type ReviewedSite } from './error-code-scanner.js';

// As fastify's test/internals/errors.test.js does: every code the sources
// throw or report is in docs/reference/errors.md, and every code there is
// still used. The doc is generated from src/issues/issue-codes.ts and
// src/errors/error-codes.ts (npx nx run spec:codegen).

const ROOT = join(__dirname, '..', '..', '..');

/**
 * Thrown codes that are not a string in the source, each reviewed by hand.
 * Keep this list short: prefer writing the code out where it is thrown.
 */
const REVIEWED: readonly ReviewedSite[] = [
  {
    file: 'packages/cli/src/apply/tfc-runner.ts',
    expression: 'refusal.code',
    why: 'rethrows the destroy-refused of refuseLosses with the run URL added',
  },
];

describe('the error code scanner', () => {
  const sample = `
    class DemoError extends MspError {
      constructor() { super('demo-failed', 'x'); }
    }
    class Other extends Error {
      constructor() { super('not a code'); }
    }
    function parserCode(error: YAMLError): IssueCode {
      if (error.code === 'X') return 'multiple-documents';
      const inner = (): string => 'not-returned-as-code';
      return error.fatal ? 'yaml-syntax' : 'yaml-warning';
    }
    const rule = { code: 'cron-invalid', check() {} };
    const issue = { code: rule.code, message: 'passed on' };
    throw new MspError(missing ? 'platform-config-invalid' : 'spec-invalid', 'x');
    throw new MspError(refusal.code, 'again');
    if (isMspError(error, 'interrupted')) stop();
    function otherKind(code: IssueCode, kind: string): Rule { return { code, kind }; }
    const jobRule = otherKind('job-scaling', 'job');
    const fail = (code: ErrorCode) => new MspError(code, 'x');
    fail('aborted');
  `;
  const scan = scanSource('packages/demo/src/sample.ts', sample);

  it('finds thrown, reported and checked codes, through conditionals', () => {
    expect(scan.sites.map((site) => [site.kind, site.code, site.line])).toEqual([
      ['thrown', 'demo-failed', 3],
      ['reported', 'multiple-documents', 9],
      ['reported', 'yaml-syntax', 11],
      ['reported', 'yaml-warning', 11],
      ['reported', 'cron-invalid', 13],
      ['thrown', 'platform-config-invalid', 15],
      ['thrown', 'spec-invalid', 15],
      ['checked', 'interrupted', 17],
      ['reported', 'job-scaling', 19],
      ['thrown', 'aborted', 21],
    ]);
  });

  it('reports a thrown code it cannot read as a variable site', () => {
    expect(scan.variables).toEqual([
      { file: 'packages/demo/src/sample.ts', line: 16, expression: 'refusal.code' },
      { file: 'packages/demo/src/sample.ts', line: 20, expression: 'code' },
    ]);
  });

  it('fails both ways: an undocumented code, an unused one, a misplaced one, an unreviewed site', () => {
    const doc = [
      '## Issue codes',
      '| `multiple-documents` | . |',
      '| `yaml-syntax` | . |',
      '| `yaml-warning` | . |',
      '| `cron-invalid` | . |',
      '| `stale-code` | . |',
      '### @msp/demo',
      '| `demo-failed` | . | . |',
      '| `spec-invalid` | . | . |',
      '| `interrupted` | . | . |',
      '### @msp/cli',
      '| `platform-config-invalid` | . | . |',
      '| `TF_GENERATION` | . | . |',
      '| `demo-failed` | . | . |',
    ].join('\n');
    const stale = { file: 'packages/demo/src/gone.ts', expression: 'x.code', why: '' };
    expect(compareCodes(scan, doc, [stale])).toEqual({
      undocumented: ['aborted', 'job-scaling'],
      unused: ['TF_GENERATION', 'interrupted', 'stale-code'],
      misplaced: [
        'cron-invalid (spec)',
        'demo-failed (cli)',
        'multiple-documents (spec)',
        'platform-config-invalid (cli)',
        'yaml-syntax (spec)',
        'yaml-warning (spec)',
      ],
      duplicates: ['demo-failed'],
      unreviewed: [
        'packages/demo/src/sample.ts:16 refusal.code',
        'packages/demo/src/sample.ts:20 code',
      ],
      staleReviews: ['packages/demo/src/gone.ts x.code'],
      notKebabCase: ['TF_GENERATION'],
    });
    expect(compareCodes(scan, '## Issue codes\n', []).undocumented).toEqual([
      'aborted',
      'cron-invalid',
      'demo-failed',
      'interrupted',
      'job-scaling',
      'multiple-documents',
      'platform-config-invalid',
      'spec-invalid',
      'yaml-syntax',
      'yaml-warning',
    ]);
  });
});

describe('docs/reference/errors.md', () => {
  const doc = readFileSync(join(ROOT, 'docs/reference/errors.md'), 'utf8');
  const comparison = compareCodes(scanPackages(ROOT), doc, REVIEWED);

  it('lists every code thrown or reported under packages/*/src (fix: add it to src/errors/error-codes.ts or src/issues/issue-codes.ts, then npx nx run spec:codegen)', () => {
    expect(comparison.undocumented).toEqual([]);
  });

  it('lists only codes still thrown or reported (fix: remove the code from its table, then npx nx run spec:codegen)', () => {
    expect(comparison.unused).toEqual([]);
  });

  it('lists each code once, under the package that throws or reports it', () => {
    expect([comparison.duplicates, comparison.misplaced]).toEqual([[], []]);
  });

  it('has kebab-case codes only', () => {
    expect(comparison.notKebabCase).toEqual([]);
  });

  it('has every thrown code written out, except the reviewed sites', () => {
    expect([comparison.unreviewed, comparison.staleReviews]).toEqual([[], []]);
  });
});
