/**
 * Seeded fuzzing: thousands of random mutations of the valid fixtures must
 * never throw anything but msp's own errors, and every issue must carry a
 * line and a column. Set FUZZ_SEED / FUZZ_RUNS to explore further.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_PLATFORM_CONFIG,
  isMspError,
  parseSpec,
  resolveSpec,
  validateSpec,
} from '../src/index.js';
import type { SpecIssue } from '../src/index.js';
import { FIXTURES, fixtureCases } from './fixture-files.js';
import { fixturePlatform, picker, RUNS, SEED } from './fuzz-support.js';

const TOKENS = [
  '',
  ' ',
  '\t',
  '-',
  '- ',
  ':',
  ': ',
  '#',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  '{}',
  '[]',
  '&a ',
  '*a',
  '<<: *a',
  '---',
  '...',
  '!!str ',
  '!tag ',
  '?',
  '|',
  '>',
  'null',
  '~',
  'true',
  '0',
  '-1',
  '1e309',
  '0x1F',
  '.nan',
  '99999999999999999999',
  'rollout',
  'job',
  'cloudflare',
  '{{ .ProjectID }}',
  '{{',
  '\u0000',
  '\u00e9',
  '\r\n',
  '\n',
  '\n  ',
  '\n    - ',
  '__proto__: 1',
  'constructor: x',
];

type Mutation = (text: string, pick: (n: number) => number) => string;

const MUTATIONS: Mutation[] = [
  (t, pick) => {
    const i = pick(t.length + 1);
    return t.slice(0, i) + TOKENS[pick(TOKENS.length)] + t.slice(i);
  },
  (t, pick) => {
    const i = pick(t.length + 1);
    return t.slice(0, i) + t.slice(i + 1 + pick(8));
  },
  (t, pick) => {
    const lines = t.split('\n');
    lines.splice(pick(lines.length), 1);
    return lines.join('\n');
  },
  (t, pick) => {
    const lines = t.split('\n');
    const i = pick(lines.length);
    lines.splice(i, 0, lines[i] ?? '');
    return lines.join('\n');
  },
  (t, pick) => {
    const lines = t.split('\n');
    const i = pick(lines.length);
    lines[i] = (pick(2) === 0 ? ' ' : '') + (lines[i] ?? '').slice(pick(2) * 2);
    return lines.join('\n');
  },
  (t, pick) => {
    const lines = t.split('\n');
    const i = pick(lines.length);
    const j = pick(lines.length);
    [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
    return lines.join('\n');
  },
  (t, pick) =>
    t.replace(/: [^\n]+/g, (match) =>
      pick(12) === 0 ? `: ${TOKENS[pick(TOKENS.length)]}` : match,
    ),
  (t, pick) =>
    t.replace(/([A-Za-z]+):/g, (match, key: string) =>
      pick(15) === 0 ? `${key.slice(0, -1)}${key.slice(-1).toUpperCase()}:` : match,
    ),
];

function assertPositioned(issues: readonly SpecIssue[], text: string): void {
  for (const issue of issues) {
    if (
      issue.line === undefined ||
      issue.column === undefined ||
      issue.line < 1 ||
      issue.column < 1
    ) {
      throw new Error(`issue without position: ${JSON.stringify(issue)}\n--- input ---\n${text}`);
    }
  }
}

describe(`fuzzing the valid fixtures (seed ${SEED}, ${RUNS} runs)`, () => {
  const sources = fixtureCases('valid').map((name) =>
    readFileSync(join(FIXTURES, 'valid', name, 'service.yaml'), 'utf8'),
  );
  const platform = { config: fixturePlatform() };

  it('never throws a foreign error and positions every issue', () => {
    const pick = picker(SEED);
    let accepted = 0;
    let rejected = 0;
    for (let run = 0; run < RUNS; run++) {
      let text = sources[pick(sources.length)] ?? '';
      const count = 1 + pick(4);
      for (let i = 0; i < count; i++)
        text = (MUTATIONS[pick(MUTATIONS.length)] ?? ((s) => s))(text, pick);
      try {
        for (const config of [platform.config, DEFAULT_PLATFORM_CONFIG]) {
          const result = validateSpec(parseSpec(text, 'service.yaml'), { platform: config });
          assertPositioned(result.issues, text);
          if (result.ok) {
            const tables = result.spec.environments.flatMap(
              (env) => env.resources?.bigQueryDataset?.tables ?? [],
            );
            resolveSpec(result.spec, config, {
              bigQueryTableSchemas: new Map(tables.map((table) => [table, '[]'])),
            });
            accepted++;
          } else {
            rejected++;
          }
        }
      } catch (error) {
        if (isMspError(error)) continue;
        throw new Error(`run ${run} threw ${String(error)}\n--- input ---\n${text}`, {
          cause: error,
        });
      }
    }
    // Both outcomes must occur, or the mutations are not exercising anything.
    expect(accepted).toBeGreaterThan(RUNS / 20);
    expect(rejected).toBeGreaterThan(RUNS / 4);
  });
});
