/**
 * Arbitraries for the pipeline fuzz suite: specs mutated as text (tokens,
 * deletions, repeated lines, deep nesting, alias bombs, long strings, several
 * documents) and as structure (a value replaced by one of another shape or by
 * a value taken from elsewhere in the fixtures, so that many stay valid).
 */
import fc from 'fast-check';
import { parse, stringify } from 'yaml';

const TOKENS = [
  ...['', ' ', '\t', '-', '- ', ':', ': ', '#', '"', "'", '[', ']', '{', '}', '{}', '[]'],
  ...['&a ', '*a', '<<: *a', '---', '...', '!!str ', '!tag ', '?', '|', '>', 'null', '~'],
  ...['true', '0', '-1', '1e309', '0x1F', '.nan', '99999999999999999999', 'rollout', 'job'],
  ...['cloudflare', '{{ .ProjectID }}', '{{', '\u0000', '\u00e9', '\r\n', '\n', '\n  '],
  ...['\n    - ', '__proto__: 1', 'constructor: x', 'a: b: c', '/a', '@', '*/5 * * * *'],
];

/** Pieces that make long strings pathological for patterns and edit distances. */
const REPEATED = ['a', '/a', ':', '-', '#', ' ', '.', '[', '{', 'a:', '- ', 'ab-', '{{', '0'];

type TextMutation = (text: string) => string;

const at = (text: string, fraction: number) => Math.floor(fraction * (text.length + 1));
const lineAt = (lines: string[], fraction: number) => Math.floor(fraction * lines.length);
const editLines = (text: string, edit: (lines: string[]) => void) => {
  const lines = text.split('\n');
  edit(lines);
  return lines.join('\n');
};

// A uniform fraction in [0, 1). Not fc.double (uniform over representable doubles, so
// nearly always tiny) and without bias (towards the ends): either would mutate only the
// first lines and paths.
const fraction = fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((n) => n / 1_000_000);

/** Sizes of the amplifying mutations: mostly small, sometimes past a limit. */
const size = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 2, max: 50 }) },
  { weight: 2, arbitrary: fc.integer({ min: 50, max: 2_000 }) },
  { weight: 1, arbitrary: fc.constantFrom(5_000, 12_000, 70_000) },
);

const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.tuple(fraction, fc.constantFrom(...TOKENS)).map(
    ([f, token]) =>
      (t: string) =>
        t.slice(0, at(t, f)) + token + t.slice(at(t, f)),
  ),
  fc.tuple(fraction, fc.integer({ min: 1, max: 12 })).map(
    ([f, n]) =>
      (t: string) =>
        t.slice(0, at(t, f)) + t.slice(at(t, f) + n),
  ),
  fraction.map((f) => (t: string) => editLines(t, (l) => l.splice(lineAt(l, f), 1))),
  fc.tuple(fraction, fraction).map(
    ([f, g]) =>
      (t: string) =>
        editLines(t, (l) => {
          const [i, j] = [lineAt(l, f), lineAt(l, g)];
          [l[i], l[j]] = [l[j] ?? '', l[i] ?? ''];
        }),
  ),
  fc.tuple(fraction, fc.integer({ min: -2, max: 2 })).map(
    ([f, shift]) =>
      (t: string) =>
        editLines(t, (l) => {
          const i = lineAt(l, f);
          const line = l[i] ?? '';
          l[i] = shift > 0 ? ' '.repeat(shift) + line : line.slice(-shift);
        }),
  ),
  fc.tuple(fraction, size).map(
    ([f, n]) =>
      (t: string) =>
        editLines(t, (l) => {
          const i = lineAt(l, f);
          l.splice(i, 0, ...Array<string>(n).fill(l[i] ?? ''));
        }),
  ),
  fc.tuple(fraction, size).map(
    ([f, n]) =>
      (t: string) =>
        editLines(t, (l) => {
          const i = lineAt(l, f);
          const line = l[i] ?? '';
          const renamed = (k: number) => line.replace(/^(\s*-?\s*)([A-Za-z]+)/, `$1$2x${k}`);
          l.splice(i, 0, ...Array.from({ length: n }, (_, k) => renamed(k)));
        }),
  ),
  fc.tuple(fraction, fc.constantFrom(...REPEATED), size).map(([f, piece, n]) => (t: string) => {
    const i = at(t, f);
    return t.slice(0, i) + piece.repeat(n) + t.slice(i);
  }),
  fc.tuple(fraction, fc.integer({ min: 1, max: 300 })).map(
    ([f, n]) =>
      (t: string) =>
        editLines(t, (l) => {
          const nested = Array.from({ length: n }, (_, k) => `${' '.repeat(k)}k${k}:`);
          l.splice(lineAt(l, f), 0, ...nested);
        }),
  ),
  fc
    .tuple(fc.integer({ min: 2, max: 40 }), fc.integer({ min: 1, max: 9 }))
    .map(([levels, width]) => (t: string) => {
      const list = (i: number) => Array<string>(width).fill(`*b${i}`).join(', ');
      const bomb = Array.from({ length: levels }, (_, i) =>
        i === 0 ? 'b0: &b0 [x]' : `b${i}: &b${i} [${list(i - 1)}]`,
      );
      return `${bomb.join('\n')}\n${t}`;
    }),
  fc.integer({ min: 2, max: 4 }).map((n) => (t: string) => Array<string>(n).fill(t).join('---\n')),
  fc.tuple(fraction, fc.integer({ min: 1, max: 4 })).map(
    ([f, n]) =>
      (t: string) =>
        t.replace(/([A-Za-z]+):/g, (match, key: string) =>
          Math.floor(f * 1000 + key.length) % (8 * n) === 0
            ? `${key.slice(0, -1)}${key.slice(-1).toUpperCase()}:`
            : match,
        ),
  ),
);

/** Text mutations of one of `sources`, one to four at a time. */
export function mutatedText(sources: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...sources), fc.array(textMutation, { minLength: 1, maxLength: 4 }))
    .map(([source, mutations]) => mutations.reduce((text, mutate) => mutate(text), source));
}

type Path = readonly (string | number)[];

function paths(value: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [prefix];
  if (Array.isArray(value)) value.forEach((item, i) => out.push(...paths(item, [...prefix, i])));
  else if (typeof value === 'object' && value !== null)
    for (const [key, item] of Object.entries(value)) out.push(...paths(item, [...prefix, key]));
  return out;
}

function valueAt(value: unknown, path: Path): unknown {
  let node = value;
  for (const segment of path) node = (node as Record<string | number, unknown> | null)?.[segment];
  return node;
}

function replaced(value: unknown, path: Path, by: unknown): unknown {
  if (path.length === 0) return by;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(value))
    return value.map((item, i) => (i === head ? replaced(item, rest, by) : item));
  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<
    string,
    unknown
  >;
  return { ...record, [head]: replaced(record[head], rest, by) };
}

const SHAPES: readonly unknown[] = [
  ...[null, 0, -1, 2.5, 1e12, true, '', 'x', 'rollout', 'job', 'cloudflare', '{{ .Nope }}'],
  ...[[], [null], ['x', 1], {}, { id: 1 }, { type: 'cloudflare' }],
];

/**
 * Structural mutations: a value of one of `sources` replaced by a value of
 * another shape, by a value found elsewhere in the sources (often valid), or
 * removed; then written back as YAML.
 */
export function mutatedStructure(sources: readonly string[]): fc.Arbitrary<string> {
  const values: unknown[] = sources.map((source) => parse(source) as unknown);
  const pool = values.flatMap((value) => paths(value).map((path) => valueAt(value, path)));
  const edit = fc.tuple(
    fraction,
    fc.oneof(
      fc.constantFrom(...SHAPES),
      fc.constantFrom(...pool),
      fc.constant(undefined),
      fc.jsonValue({ maxDepth: 3 }),
    ),
  );
  return fc
    .tuple(fc.constantFrom(...values), fc.array(edit, { minLength: 1, maxLength: 3 }))
    .map(([value, edits]) => {
      let spec = value;
      for (const [f, by] of edits) {
        const candidates = paths(spec).filter((path) => path.length > 0);
        spec = replaced(spec, candidates[Math.floor(f * candidates.length)] ?? [], by);
      }
      return stringify(spec);
    });
}
