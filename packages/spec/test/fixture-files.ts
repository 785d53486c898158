/** Helpers shared by the fixture tests. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SpecIssue } from '../src/index.js';

export const FIXTURES = join(__dirname, 'fixtures');

/** Set UPDATE_GOLDENS=1 to rewrite expected files from the current output (then review the diff). */
export const UPDATE = process.env['UPDATE_GOLDENS'] === '1';

export function fixtureCases(kind: 'valid' | 'invalid'): string[] {
  return readdirSync(join(FIXTURES, kind), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** One line per issue: `severity code path file:line:column`. */
export function issueLines(issues: readonly SpecIssue[]): string {
  return issues
    .map(
      (issue) =>
        `${issue.severity} ${issue.code} ${issue.path === '' ? '(root)' : issue.path} ${issue.file ?? '?'}:${issue.line ?? '?'}:${issue.column ?? '?'}`,
    )
    .map((line) => `${line}\n`)
    .join('');
}

/** Compares `actual` with a golden file, or writes it when updating. */
export function expectGolden(file: string, actual: string): void {
  if (UPDATE) {
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file))
    throw new Error(
      `missing golden ${file}: run UPDATE_GOLDENS=1 npx nx run spec:test and review it`,
    );
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
