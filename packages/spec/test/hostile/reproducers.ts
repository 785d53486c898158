/**
 * Minimised reproducers of every crash and hang found by fuzzing (the seeded
 * mutation fuzzer of issue 21 and the fuzz suites in this repository), kept as
 * regression cases. Each is a small generator rather than a committed file:
 * some are megabytes of repetition. `expected` is the exact list of issues
 * (`severity code path file:line:column`), as in the fixtures'
 * expected-errors.txt. Before the fix each one threw a RangeError from the
 * YAML parser or ran for more than 15 seconds.
 */

export interface Reproducer {
  readonly name: string;
  /** What it did before it was fixed. */
  readonly before: string;
  /** Which file it is fed as. */
  readonly file: 'service.yaml' | 'msp.config.yaml';
  readonly text: () => string;
  /** The issues; with `total`, only the first ones. */
  readonly expected: readonly string[];
  /** How many issues there are, when `expected` lists only the first few and `last` the last. */
  readonly total?: number;
  readonly last?: string;
}

const lines = (count: number, line: (i: number) => string): string =>
  Array.from({ length: count }, (_, i) => `${line(i)}\n`).join('');

/** `a:` nested `levels` deep, one space of indentation per level. */
const deepBlockMaps = (levels: number): string => lines(levels, (i) => `${' '.repeat(i)}a${i}:`);

const SPEC_HEAD = 'service: { id: x, owners: [a], description: d }\n';

export const REPRODUCERS: readonly Reproducer[] = [
  {
    name: 'deeply nested block mappings',
    before:
      'RangeError: Maximum call stack size exceeded (yaml Parser.blockMap), or its text as an issue',
    file: 'service.yaml',
    text: () => deepBlockMaps(1400),
    expected: ['error nesting-too-deep (root) service.yaml:65:68'],
  },
  {
    name: 'compact nested sequences in three documents',
    before: 'RangeError: Maximum call stack size exceeded (yaml Parser.pop)',
    file: 'service.yaml',
    text: () => `${'- '.repeat(3000)}x\n---\n`.repeat(3),
    expected: ['error nesting-too-deep (root) service.yaml:1:129'],
  },
  {
    name: 'deeply nested flow collections',
    before: '"Maximum call stack size exceeded" reported as a YAML syntax error',
    file: 'service.yaml',
    text: () => `service: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`,
    expected: ['error nesting-too-deep (root) service.yaml:1:73'],
  },
  {
    name: 'a compact nested mapping followed by many siblings',
    before: 'RangeError: Maximum call stack size exceeded (yaml Parser.blockMap)',
    file: 'service.yaml',
    text: () => `service:\n  a:a:a:  id: x\n${lines(30_000, (i) => `    k${i}: 3`)}`,
    expected: ['error yaml-syntax (root) service.yaml:2:13'],
  },
  {
    name: 'anchors nested through aliases past the depth limit',
    before: 'accepted: depth was only bounded by the alias expansion limit',
    file: 'service.yaml',
    text: () => `x:\n  a0: &a0 [x]\n${lines(70, (i) => `  a${i + 1}: &a${i + 1} [*a${i}]`)}`,
    expected: [
      'error missing-field build service.yaml:1:1',
      'error missing-field environments service.yaml:1:1',
      'error missing-field service service.yaml:1:1',
      'error unknown-field x service.yaml:1:1',
      'error nesting-too-deep x.a62[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0] service.yaml:2:11',
    ],
  },
  {
    name: 'an alias bomb (nine aliases per level, thirty levels)',
    before: 'about 10 s: every alias resolution walked the whole document',
    file: 'service.yaml',
    text: () =>
      `${SPEC_HEAD}x:\n  a0: &a0 [x, x, x, x, x, x, x, x, x]\n${lines(29, (i) => `  a${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(', ')}]`)}`,
    expected: [
      'error missing-field build service.yaml:1:1',
      'error missing-field environments service.yaml:1:1',
      'error service-account-id-invalid service.id service.yaml:1:16',
      'error unknown-field x service.yaml:2:1',
      'error alias-limit x.a4[4][8][6][6][0] service.yaml:3:12',
    ],
  },
  {
    name: 'thousands of aliases',
    before: 'more than 30 s in the YAML parser',
    file: 'service.yaml',
    text: () => `a: &a x\n${lines(3000, (i) => `b${i}: [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]`)}`,
    expected: ['error too-many-aliases (root) service.yaml:1:1'],
  },
  {
    name: 'ten thousand unknown keys in one mapping',
    before:
      'seconds, quadratic: positioning each issue scanned the whole mapping (15 s for 20,000)',
    file: 'service.yaml',
    text: () => `service:\n${lines(10_000, (i) => `  k${i}: x`)}`,
    expected: [
      'error missing-field build service.yaml:1:1',
      'error missing-field environments service.yaml:1:1',
      'error missing-field service.description service.yaml:2:3',
    ],
    total: 501,
    last: 'error too-many-issues (root) service.yaml:497:3',
  },
  {
    name: 'a mapping with more keys than allowed',
    before: 'accepted: only the node count was bounded',
    file: 'service.yaml',
    text: () => `service:\n${lines(10_001, (i) => `  k${i}: x`)}`,
    expected: [
      'error missing-field build service.yaml:1:1',
      'error missing-field environments service.yaml:1:1',
      'error missing-field service.description service.yaml:2:3',
      'error missing-field service.id service.yaml:2:3',
      'error missing-field service.owners service.yaml:2:3',
      'error too-many-keys service service.yaml:10002:3',
    ],
  },
  {
    name: 'an image with many slashes and an @',
    before: 'hang: the image pattern backtracked exponentially',
    file: 'service.yaml',
    text: () => `${SPEC_HEAD}build:\n  image: ${'/a'.repeat(40)}@\nenvironments: []\n`,
    expected: [
      'error service-account-id-invalid service.id service.yaml:1:16',
      'error invalid-format build.image service.yaml:3:10',
      'error too-short environments service.yaml:4:15',
    ],
  },
  {
    name: 'a platform config of a long run of "#"',
    before: 'hang: the comments-only check backtracked exponentially',
    file: 'msp.config.yaml',
    text: () => `${'#'.repeat(60)}\nx: 1\n`,
    expected: ['error unknown-field x msp.config.yaml:2:1'],
  },
];

/** Limits reached without a fuzzing find behind them; kept beside the reproducers. */
export const AT_THE_LIMITS: readonly Reproducer[] = [
  {
    name: 'a file one character over the size limit',
    before: 'parsed in full',
    file: 'service.yaml',
    text: () => `# ${'x'.repeat(1024 * 1024 - 2)}\n`,
    expected: ['error file-too-large (root) service.yaml:1:1'],
  },
  {
    name: 'a string value over the length limit',
    before: 'accepted',
    file: 'service.yaml',
    text: () => `${SPEC_HEAD}x: ${'y'.repeat(64 * 1024 + 1)}\n`,
    expected: [
      'error missing-field build service.yaml:1:1',
      'error missing-field environments service.yaml:1:1',
      'error service-account-id-invalid service.id service.yaml:1:16',
      'error unknown-field x service.yaml:2:1',
      'error string-too-long x service.yaml:2:4',
    ],
  },
];
