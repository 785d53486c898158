import { parseDocument } from 'yaml';
import { INPUT_LIMITS } from './input-limits.js';
import { scanYaml } from './scan-yaml.js';

/** The real nesting depth of a document, from the parser (for inputs the parser survives). */
function parsedDepth(text: string): number {
  const depth = (value: unknown): number =>
    typeof value === 'object' && value !== null
      ? 1 + Math.max(0, ...Object.values(value).map(depth))
      : 0;
  return depth(parseDocument(text).toJS());
}

const SHAPES: Record<string, (levels: number) => string> = {
  'block mappings': (n) =>
    Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' x\n',
  'block sequences on one line': (n) => `${'- '.repeat(n)}x\n`,
  'block sequences on their own lines': (n) =>
    Array.from({ length: n }, (_, i) => `${' '.repeat(i)}-`).join('\n') + ' x\n',
  'sequences under keys at the same column': (n) =>
    Array.from({ length: n / 2 }, (_, i) => `${'  '.repeat(i)}k:\n${'  '.repeat(i)}-`).join('\n') +
    ' x\n',
  'flow collections': (n) => `${'[{a: '.repeat(n / 2)}1${'}]'.repeat(n / 2)}\n`,
  'flow inside block': (n) => `a:\n  b: ${'['.repeat(n - 2)}${']'.repeat(n - 2)}\n`,
};

describe('scanYaml', () => {
  it.each(Object.keys(SHAPES))('accepts %s nested exactly to the depth limit', (shape) => {
    const text = SHAPES[shape]?.(INPUT_LIMITS.maxDepth) ?? '';
    expect(parsedDepth(text)).toBe(INPUT_LIMITS.maxDepth);
    expect(scanYaml(text)).toEqual([]);
  });

  it.each(Object.keys(SHAPES))('rejects %s nested two levels past it', (shape) => {
    const text = SHAPES[shape]?.(INPUT_LIMITS.maxDepth + 2) ?? '';
    expect(scanYaml(text).map((finding) => finding.issue.code)).toEqual(['nesting-too-deep']);
  });

  it('does not count the indentation of block scalars and comments as nesting', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `${' '.repeat(i + 2)}line ${i}`);
    const text = `a: |\n${lines.join('\n')}\nb: 1\n${lines.map((l) => `#${l}`).join('\n')}\n`;
    expect(scanYaml(text)).toEqual([]);
  });

  it('starts each document afresh', () => {
    const doc = SHAPES['block mappings']?.(INPUT_LIMITS.maxDepth) ?? '';
    expect(scanYaml([doc, doc, doc].join('---\n'))).toEqual([]);
  });

  it('counts aliases', () => {
    const aliases = (n: number) => `a: &a x\nb: [${Array(n).fill('*a').join(', ')}]\n`;
    expect(scanYaml(aliases(INPUT_LIMITS.maxAliases))).toEqual([]);
    expect(scanYaml(aliases(INPUT_LIMITS.maxAliases + 1)).map((f) => f.issue.code)).toEqual([
      'too-many-aliases',
    ]);
  });

  it('reports a compact nested mapping where it is', () => {
    expect(scanYaml('a:\n  b: c: d\n')).toEqual([
      expect.objectContaining({
        offset: 9,
        issue: expect.objectContaining({ code: 'yaml-syntax' }),
      }),
    ]);
    expect(scanYaml('a: "b: c"\nd: {e: f}\n- g: h\n')).toEqual([]);
  });

  it('rejects a file over the size limit before lexing it', () => {
    const text = 'x'.repeat(INPUT_LIMITS.maxFileChars + 1);
    expect(scanYaml(text).map((f) => f.issue.code)).toEqual(['file-too-large']);
    expect(scanYaml(text.slice(1))).toEqual([]);
  });
});
