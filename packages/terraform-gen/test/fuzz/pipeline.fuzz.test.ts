/**
 * The pipeline fuzz suite: seeded, deterministic property tests over mutated
 * specs, run through parse → validate → resolve → synthesize → render in
 * process. Properties: no exception escapes; every issue has a known code, a
 * path and a line:column inside the file; every accepted spec generates,
 * byte-identically on a second run, into JSON files that parse and conform to
 * the provider schemas.
 *
 * FUZZ_SEED and FUZZ_RUNS choose the run (`npx nx run terraform-gen:fuzz` runs
 * 10,000 cases). A failure prints the seed, the path to replay it and the
 * shrunk input: add that input to packages/spec/test/hostile/reproducers.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  DEFAULT_PLATFORM_CONFIG,
  ISSUE_CODES,
  parsePlatformConfig,
  parseSpec,
  resolveSpec,
  validateSpec,
} from '@msp/spec';
import type { PlatformConfig, SpecIssue } from '@msp/spec';
import {
  checkStackSetConformance,
  parseTfvars,
  renderStackSet,
  synthesize,
} from '../../src/index.js';
import { mutatedStructure, mutatedText } from './mutations.js';

const SEED = Number(process.env['FUZZ_SEED'] ?? 20261206);
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 2000);

const ROOT = join(__dirname, '..', '..', '..', '..');
const SPEC_FIXTURES = join(ROOT, 'packages', 'spec', 'test', 'fixtures');
const SOURCES = [
  ...readdirSync(join(SPEC_FIXTURES, 'valid')).map((name) =>
    readFileSync(join(SPEC_FIXTURES, 'valid', name, 'service.yaml'), 'utf8'),
  ),
  readFileSync(join(ROOT, 'apps', 'msp-example', 'service.yaml'), 'utf8'),
];
const PLATFORM_TEXT = readFileSync(join(SPEC_FIXTURES, 'msp.config.yaml'), 'utf8');

function fixturePlatform(): PlatformConfig {
  const result = parsePlatformConfig(PLATFORM_TEXT);
  if (!result.ok) throw new Error('the fixture platform config is invalid');
  return result.config;
}
const PLATFORMS = [fixturePlatform(), DEFAULT_PLATFORM_CONFIG];

/** Throws unless every issue has a known code, a path, and a position inside `text`. */
function assertLocated(issues: readonly SpecIssue[], text: string): void {
  const lines = text.split(/\r?\n|\r/);
  for (const issue of issues) {
    const line = lines[(issue.line ?? 0) - 1];
    const inside =
      line !== undefined && (issue.column ?? 0) >= 1 && (issue.column ?? 0) <= line.length + 1;
    if (!Object.hasOwn(ISSUE_CODES, issue.code) || typeof issue.path !== 'string' || !inside)
      throw new Error(`issue not located in the file: ${JSON.stringify(issue)}`);
  }
}

/** Generates an accepted spec's files, as the CLI would (image tags resolved). */
function generate(spec: Parameters<typeof resolveSpec>[0], platform: PlatformConfig) {
  const tables = spec.environments.flatMap((env) => env.resources?.bigQueryDataset?.tables ?? []);
  const assets = { bigQueryTableSchemas: new Map(tables.map((table) => [table, '[]'])) };
  const resolved = resolveSpec(spec, platform, assets);
  const imageTags = Object.fromEntries(
    resolved.environments.map((env) => [env.id, `fuzz@sha256:${'0'.repeat(64)}`]),
  );
  const set = synthesize(resolved, platform, { imageTags });
  return { set, files: renderStackSet(set) };
}

interface Tally {
  accepted: number;
  rejected: number;
}

function checkPipeline(text: string, platform: PlatformConfig, tally: Tally): void {
  const validation = validateSpec(parseSpec(text, 'service.yaml'), { platform });
  assertLocated(validation.issues, text);
  if (!validation.ok) {
    tally.rejected++;
    return;
  }
  tally.accepted++;
  const first = generate(validation.spec, platform);
  const second = generate(validateSpecOrThrow(text, platform), platform);
  expect([...second.files]).toEqual([...first.files]);
  for (const [path, content] of first.files)
    if (path.endsWith('.json') && typeof content === 'string')
      expect(() => JSON.parse(content) as unknown).not.toThrow();
  expect(checkStackSetConformance(first.set)).toEqual([]);
}

function validateSpecOrThrow(text: string, platform: PlatformConfig) {
  const again = validateSpec(parseSpec(text, 'service.yaml'), { platform });
  if (!again.ok) throw new Error('a second validation of the same text rejected it');
  return again.spec;
}

const parameters = (seed: number, numRuns: number): fc.Parameters<unknown> => ({
  seed,
  numRuns,
  // Shrinking can take long on large inputs; the seed and path replay the failure.
  endOnFailure: process.env['FUZZ_SHRINK'] !== '1',
});

describe(`pipeline fuzzing (seed ${SEED}, ${RUNS} runs)`, () => {
  it('text mutations never throw, locate every issue, and generate what they accept', () => {
    const tally: Tally = { accepted: 0, rejected: 0 };
    fc.assert(
      fc.property(mutatedText(SOURCES), fc.constantFrom(...PLATFORMS), (text, platform) => {
        checkPipeline(text, platform, tally);
      }),
      parameters(SEED, Math.ceil(RUNS / 2)),
    );
    // Both outcomes must occur, or the mutations are not exercising anything.
    expect(tally.accepted).toBeGreaterThan(RUNS / 200);
    expect(tally.rejected).toBeGreaterThan(RUNS / 8);
  });

  it('structural mutations never throw, locate every issue, and generate what they accept', () => {
    const tally: Tally = { accepted: 0, rejected: 0 };
    fc.assert(
      fc.property(mutatedStructure(SOURCES), fc.constantFrom(...PLATFORMS), (text, platform) => {
        checkPipeline(text, platform, tally);
      }),
      parameters(SEED + 1, Math.ceil(RUNS / 2)),
    );
    expect(tally.accepted).toBeGreaterThan(RUNS / 50);
    expect(tally.rejected).toBeGreaterThan(RUNS / 8);
  });

  it('mutated platform configs never throw and locate every issue', () => {
    fc.assert(
      fc.property(mutatedText([PLATFORM_TEXT]), (text) => {
        assertLocated(parsePlatformConfig(text, 'msp.config.yaml').issues, text);
      }),
      parameters(SEED + 2, Math.ceil(RUNS / 10)),
    );
  });

  it('existing terraform.tfvars read back never throw', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        parseTfvars(`resolved_image_tag = "${text}"\n${text}`);
      }),
      parameters(SEED + 3, Math.ceil(RUNS / 10)),
    );
  });
});
