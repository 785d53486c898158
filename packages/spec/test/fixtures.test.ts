import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ISSUE_CODES, loadSpec, resolveSpec } from '../src/index.js';
import type { IssueCode } from '../src/index.js';
import { expectGolden, FIXTURES, fixtureCases, issueLines, UPDATE } from './fixture-files.js';
import { AT_THE_LIMITS, REPRODUCERS } from './hostile/reproducers.js';

describe('valid fixtures', () => {
  const cases = fixtureCases('valid');

  it('has at least 8 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
  });

  it.each(cases)('%s loads without errors and resolves to its golden', async (name) => {
    const dir = join(FIXTURES, 'valid', name);
    const result = await loadSpec(join(dir, 'service.yaml'));
    if (!result.ok)
      throw new Error(`expected ${name} to be valid, got:\n${issueLines(result.issues)}`);
    const warnings = join(dir, 'expected-warnings.txt');
    if (result.issues.length > 0 || existsSync(warnings))
      expectGolden(warnings, issueLines(result.issues));
    const resolved = resolveSpec(result.spec, result.platform, result.assets);
    expectGolden(join(dir, 'resolved.json'), `${JSON.stringify(resolved, null, 2)}\n`);
  });
});

describe('invalid fixtures', () => {
  const cases = fixtureCases('invalid');

  it('has at least 40 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases)('%s reports exactly its expected issues', async (name) => {
    const dir = join(FIXTURES, 'invalid', name);
    const result = await loadSpec(join(dir, 'service.yaml'));
    expect(result.ok).toBe(false);
    for (const issue of result.issues) {
      expect(issue.line).toBeGreaterThanOrEqual(1);
      expect(issue.column).toBeGreaterThanOrEqual(1);
    }
    expectGolden(join(dir, 'expected-errors.txt'), issueLines(result.issues));
  });

  it('together with the hostile reproducers cover every issue code except those only unit tests reach', () => {
    if (UPDATE) return;
    const seen = new Set<string>();
    for (const kind of ['invalid', 'valid'] as const) {
      for (const name of fixtureCases(kind)) {
        for (const file of ['expected-errors.txt', 'expected-warnings.txt']) {
          const path = join(FIXTURES, kind, name, file);
          if (!existsSync(path)) continue;
          for (const line of readFileSync(path, 'utf8').split('\n'))
            if (line !== '') seen.add(line.split(' ')[1] ?? '');
        }
      }
    }
    // The input limits are reached by the hostile reproducers (too large to keep as files).
    for (const reproducer of [...REPRODUCERS, ...AT_THE_LIMITS])
      for (const line of [...reproducer.expected, reproducer.last ?? ''])
        if (line !== '') seen.add(line.split(' ')[1] ?? '');
    // Reached only from unit tests: a missing file has no position, the state backend and not-unique are
    // platform config, and schema-violation is the fallback for schema keywords the spec does not use.
    const unitOnly: IssueCode[] = [
      'file-unreadable',
      'state-backend',
      'not-unique',
      'schema-violation',
    ];
    const missing = Object.keys(ISSUE_CODES).filter(
      (code) => !seen.has(code) && !unitOnly.includes(code as IssueCode),
    );
    expect(missing).toEqual([]);
  });
});
