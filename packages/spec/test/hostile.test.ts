/**
 * Every crash and hang fuzzing ever found stays fixed: each reproducer is
 * rejected (or accepted) with exactly its expected, positioned issues. Before
 * the fixes, these tests threw a RangeError or ran into jest's timeout.
 */
import type { SpecIssue } from '../src/index.js';
import { parsePlatformConfig, parseSpec, validateSpec } from '../src/index.js';
import { issueLines } from './fixture-files.js';
import { fixturePlatform } from './fuzz-support.js';
import { AT_THE_LIMITS, REPRODUCERS } from './hostile/reproducers.js';

function check(file: string, text: string): readonly SpecIssue[] {
  if (file === 'msp.config.yaml') return parsePlatformConfig(text, file).issues;
  return validateSpec(parseSpec(text, file), { platform: fixturePlatform() }).issues;
}

describe('reproducers of fuzzing finds', () => {
  it.each([...REPRODUCERS, ...AT_THE_LIMITS].map((r) => [r.name, r] as const))(
    '%s gives its expected issues',
    (_name, reproducer) => {
      const text = reproducer.text();
      const issues = check(reproducer.file, text);
      const found = issueLines(issues).split('\n').filter(Boolean);
      if (reproducer.total === undefined) {
        expect(found).toEqual(reproducer.expected);
      } else {
        const head = found.slice(0, reproducer.expected.length);
        expect([found.length, head, found.at(-1)]).toEqual([
          reproducer.total,
          reproducer.expected,
          reproducer.last,
        ]);
      }
      const lineCount = text.split('\n').length;
      for (const issue of issues) {
        expect(issue.line).toBeLessThanOrEqual(lineCount);
        expect(issue.column).toBeGreaterThanOrEqual(1);
      }
    },
  );
});
