/**
 * Seeded structural fuzzing: values of the valid fixtures replaced by values
 * of other types and shapes. The semantic rules run on the well-formed rest of
 * such specs, so they must guard their inputs: nothing may throw, and every
 * issue carries a line and a column. FUZZ_SEED / FUZZ_RUNS explore further.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import {
  DEFAULT_PLATFORM_CONFIG,
  parsePlatformConfig,
  parseSpec,
  validateSpec,
} from '../src/index.js';
import { FIXTURES, fixtureCases } from './fixture-files.js';
import { fixturePlatform, picker, RUNS, SEED } from './fuzz-support.js';

const REPLACEMENTS: readonly unknown[] = [
  null,
  0,
  -1,
  2.5,
  1e12,
  true,
  '',
  'x',
  'rollout',
  'job',
  'cloudflare',
  '{{ .Nope }}',
  [],
  [null],
  ['x', 1],
  {},
  { id: 1 },
  { type: 'cloudflare' },
];

/** Every path to a value inside `value`. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) value.forEach((item, i) => out.push(...paths(item, [...prefix, i])));
  else if (typeof value === 'object' && value !== null)
    for (const [key, item] of Object.entries(value)) out.push(...paths(item, [...prefix, key]));
  return out;
}

function replaced(value: unknown, path: readonly (string | number)[], by: unknown): unknown {
  if (path.length === 0) return by;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(value))
    return value.map((item, i) => (i === head ? replaced(item, rest, by) : item));
  const record = value as Record<string, unknown>;
  return { ...record, [head]: replaced(record[head], rest, by) };
}

/** The codes of structural (schema) issues; every other error comes from a rule. */
const STRUCTURAL = new Set([
  'wrong-type',
  'invalid-value',
  'missing-field',
  'unknown-field',
  'invalid-format',
  'out-of-range',
  'too-short',
  'too-long',
  'not-unique',
  'schema-violation',
]);

describe(`structural fuzzing of the valid fixtures (seed ${SEED}, ${RUNS} runs)`, () => {
  const specs = fixtureCases('valid').map((name): unknown =>
    parse(readFileSync(join(FIXTURES, 'valid', name, 'service.yaml'), 'utf8')),
  );
  const platform = { config: fixturePlatform() };

  it('runs the rules on malformed specs without throwing, positioning every issue', () => {
    const pick = picker(SEED);
    let withSemantic = 0;
    for (let run = 0; run < RUNS; run++) {
      let spec = specs[pick(specs.length)];
      for (let i = 1 + pick(3); i > 0; i--) {
        const candidates = paths(spec).filter((path) => path.length > 0);
        spec = replaced(
          spec,
          candidates[pick(candidates.length)] ?? [],
          REPLACEMENTS[pick(REPLACEMENTS.length)],
        );
      }
      const text = stringify(spec);
      for (const config of [platform.config, DEFAULT_PLATFORM_CONFIG]) {
        let issues;
        try {
          issues = validateSpec(parseSpec(text, 'service.yaml'), { platform: config }).issues;
        } catch (error) {
          throw new Error(`run ${run} threw ${String(error)}\n--- input ---\n${text}`, {
            cause: error,
          });
        }
        const unpositioned = issues.filter(
          (issue) => !((issue.line ?? 0) >= 1 && (issue.column ?? 0) >= 1),
        );
        expect(unpositioned).toEqual([]);
        if (
          issues.some((issue) => STRUCTURAL.has(issue.code)) &&
          issues.some((issue) => !STRUCTURAL.has(issue.code) && issue.severity === 'error')
        )
          withSemantic++;
      }
    }
    // Rules must actually report on malformed specs, or this exercises nothing.
    expect(withSemantic).toBeGreaterThan(RUNS / 20);
  });

  it('checks the state backend of malformed platform configs without throwing', () => {
    const config = parse(readFileSync(join(FIXTURES, 'msp.config.yaml'), 'utf8')) as unknown;
    const pick = picker(SEED + 1);
    let stateIssues = 0;
    for (let run = 0; run < RUNS / 10; run++) {
      let value = config;
      // The last mutation is inside state, the others anywhere.
      for (let i = 1 + pick(3); i > 0; i--) {
        const candidates = paths(value).filter(
          (path) => path.length > 0 && (i > 1 || path[0] === 'state'),
        );
        value = replaced(
          value,
          candidates[pick(candidates.length)] ?? [],
          REPLACEMENTS[pick(REPLACEMENTS.length)],
        );
      }
      const text = stringify(value);
      const result = parsePlatformConfig(text, 'msp.config.yaml');
      expect(result.issues.filter((issue) => issue.line === undefined)).toEqual([]);
      if (!result.ok && result.issues.some((issue) => issue.code === 'state-backend'))
        stateIssues++;
    }
    expect(stateIssues).toBeGreaterThan(0);
  });
});
