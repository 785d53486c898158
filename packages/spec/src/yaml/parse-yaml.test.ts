import { parseYaml } from './parse-yaml.js';

const codes = (text: string) =>
  parseYaml(text, 'f.yaml').issues.map((issue) => `${issue.code}@${issue.line}:${issue.column}`);

describe('parseYaml', () => {
  it.each([
    ['an empty file', '', ['empty-document@1:1']],
    ['a comment-only file', '# hi\n', ['empty-document@1:1']],
    ['a list document', '- a\n', ['not-a-mapping@1:1']],
    ['a scalar document', 'hello\n', ['not-a-mapping@1:1']],
    ['a null document', '~\n', ['not-a-mapping@1:1']],
    ['an unclosed flow sequence', 'a: [1, 2\nb: 3\n', ['yaml-syntax@2:1']],
    ['two documents', 'a: 1\n---\nb: 2\n', ['multiple-documents@2:1']],
    [
      'a duplicate key, at the second occurrence',
      'a: 1\nb:\n  c: 1\n  c: 2\n',
      ['duplicate-key@4:3'],
    ],
    ['a list as a key', '? [x]\n: 1\n', ['invalid-key@1:3']],
    ['an alias to an unknown anchor', 'a: *nope\n', ['yaml-syntax@1:4']],
    ['an alias inside its own anchor', 'a: &x [*x]\n', ['alias-limit@1:8']],
    ['an unknown tag (warning)', 'a: !custom 1\n', ['yaml-warning@1:4']],
  ])('reports %s', (_, text, expected) => {
    expect(codes(text)).toEqual(expected);
  });

  it('stops a billion-laughs expansion with an issue instead of running out of memory', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++)
      levels.push(
        `${'abcdefghij'[i]}: &${'abcdefghij'[i]} [${Array(10)
          .fill(`*${'abcdefghij'[i - 1]}`)
          .join(',')}]`,
      );
    const doc = parseYaml(levels.join('\n'), 'f.yaml');
    expect(doc.issues.map((issue) => issue.code)).toEqual(['alias-limit']);
  });

  it('applies merge keys, with explicit keys winning', () => {
    const doc = parseYaml('base: &b {x: 1, y: 2}\nuse:\n  <<: *b\n  y: 3\n', 'f.yaml');
    expect(doc.value?.['use']).toEqual({ x: 1, y: 3 });
  });

  it('keeps "__proto__" as an ordinary key', () => {
    const doc = parseYaml('__proto__:\n  polluted: true\n', 'f.yaml');
    expect(Object.keys(doc.value ?? {})).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('finds the position of keys and values, through aliases and merges, and falls back to the parent', () => {
    const doc = parseYaml('a:\n  b: [10, 20]\nm: &m {k: v}\nn:\n  <<: *m\n', 'f.yaml');
    expect(doc.position(['a', 'b', 1])).toEqual({ line: 2, column: 11 });
    expect(doc.position(['a', 'b'], 'key')).toEqual({ line: 2, column: 3 });
    expect(doc.position(['n', 'k'])).toEqual({ line: 3, column: 11 });
    expect(doc.position(['a', 'missing'])).toEqual({ line: 2, column: 3 });
  });

  it('returns scalars as written', () => {
    const doc = parseYaml('a: 1.10\nb: yes\nc: 0x1F\n', 'f.yaml');
    expect([doc.scalarSource(['a']), doc.scalarSource(['b']), doc.scalarSource(['c'])]).toEqual([
      '1.10',
      'yes',
      '0x1F',
    ]);
    expect(doc.value).toEqual({ a: 1.1, b: 'yes', c: 31 });
  });
});
