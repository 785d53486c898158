import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INPUT_LIMITS } from './input-limits.js';

const DOC = join(__dirname, '..', '..', '..', '..', 'docs', 'reference', 'limits.md');

describe('INPUT_LIMITS', () => {
  it('matches the table in docs/reference/limits.md', () => {
    const [inputLimits = ''] = readFileSync(DOC, 'utf8').split('\n## ');
    const rows = inputLimits
      .split('\n')
      .filter((line) => /^\| [a-z]/.test(line) && !line.startsWith('| limit'))
      .map((line) => Number(line.split('|')[2]?.trim()));
    expect(rows).toEqual([
      INPUT_LIMITS.maxFileChars,
      INPUT_LIMITS.maxDepth,
      INPUT_LIMITS.maxAliases,
      INPUT_LIMITS.maxNodes,
      INPUT_LIMITS.maxKeys,
      INPUT_LIMITS.maxStringChars,
      INPUT_LIMITS.maxIssues,
    ]);
  });
});
