import { codeFrame, formatIssue } from './format-issue.js';
import { formatPath } from './spec-issue.js';
import type { SpecIssue } from './spec-issue.js';

const issue: SpecIssue = {
  code: 'project-id-format',
  severity: 'error',
  path: 'environments[1].projectID',
  message: 'must start with "billing-"',
  hint: 'use msp init-env',
  file: 'service.yaml',
  line: 14,
  column: 5,
};

describe('formatIssue', () => {
  it('prints file:line:column, the field path, the message, the code and the hint', () => {
    expect(formatIssue(issue)).toBe(
      'service.yaml:14:5 environments[1].projectID: must start with "billing-" [project-id-format]\n  hint: use msp init-env',
    );
  });

  it('marks warnings and omits what is unknown', () => {
    expect(
      formatIssue({ code: 'deprecated-field', severity: 'warning', path: '', message: 'old' }),
    ).toBe('warning: old [deprecated-field]');
  });
});

describe('codeFrame', () => {
  it('shows the lines around the issue with a caret under the column', () => {
    const text = 'a: 1\nb: 2\nc: 3\nd: 4\n';
    expect(codeFrame(text, { line: 2, column: 4 }, 1)).toBe(
      '  1 | a: 1\n> 2 | b: 2\n    |    ^\n  3 | c: 3',
    );
  });

  it('pads line numbers to the widest and leaves no trailing spaces', () => {
    const text = Array.from({ length: 12 }, (_, i) => (i === 9 ? '' : `line${i + 1}`)).join('\n');
    expect(codeFrame(text, { line: 10, column: 1 }, 1).split('\n')).toEqual([
      '   9 | line9',
      '> 10 |',
      '     | ^',
      '  11 | line11',
    ]);
  });

  it('is empty without a position', () => {
    expect(codeFrame('a: 1', {})).toBe('');
  });
});

describe('formatPath', () => {
  it.each([
    [['service', 'id'], 'service.id'],
    [['environments', 0, 'env', 'A_B'], 'environments[0].env.A_B'],
    [['secretVolumes', 'with space'], 'secretVolumes["with space"]'],
    [[], ''],
  ] as const)('%j → %s', (path, expected) => {
    expect(formatPath(path)).toBe(expected);
  });
});
