/**
 * Reading Terraform providers' Go schema code, enough to find the arguments
 * whose change forces replacement (replacement-arguments.ts): a small Go
 * tokenizer, definitions by name, and a walk over schema literals.
 */

export interface Token {
  /** A string literal (`v` is its value), an identifier, or punctuation. */
  readonly k: 'str' | 'id' | 'p';
  readonly v: string;
}

/** Argument path (`a.b`) → `always` or `conditional (<why>)`. */
export type Replacements = Map<string, string>;

/** The tokens of a definition by name (see `definition`), and the package's string constants. */
export interface Lookup {
  (name: string): Token[] | undefined;
  constant(name: string): string | undefined;
}

/** Strings, identifiers, punctuation; comments dropped. */
export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] ?? '';
    if (c === '/' && src[i + 1] === '/') {
      i = src.indexOf('\n', i);
      if (i < 0) break;
    } else if (c === '/' && src[i + 1] === '*') {
      i = src.indexOf('*/', i + 2) + 2;
    } else if (c === '"') {
      let j = i + 1;
      while (src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      tokens.push({ k: 'str', v: JSON.parse(src.slice(i, j + 1).replace(/\\'/g, "'")) as string });
      i = j + 1;
    } else if (c === '`') {
      const j = src.indexOf('`', i + 1);
      tokens.push({ k: 'str', v: src.slice(i + 1, j) });
      i = j + 1;
    } else if (c === "'") {
      let j = i + 1;
      while (src[j] !== "'") j += src[j] === '\\' ? 2 : 1;
      tokens.push({ k: 'p', v: 'rune' });
      i = j + 1;
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i;
      while (j < src.length && /[A-Za-z0-9_]/.test(src[j] ?? '')) j++;
      tokens.push({ k: 'id', v: src.slice(i, j) });
      i = j;
    } else if (/\s/.test(c)) i++;
    else {
      tokens.push({ k: 'p', v: c });
      i++;
    }
  }
  return tokens;
}

/** Tokens of the body of `func name(` or `var name =` (or method `) name(`), braces included. */
export function definition(tokens: readonly Token[], name: string): Token[] | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t?.k !== 'id' || t.v !== name) continue;
    const prev = tokens[i - 1];
    const isFunc = prev?.v === 'func' || (prev?.v === ')' && tokens[i + 1]?.v === '(');
    const isVar = prev?.v === 'var' && tokens[i + 1]?.v === '=';
    if (!isFunc && !isVar) continue;
    let j = i + 1;
    if (isFunc) {
      // skip the parameter list and the result type up to the body's `{`
      let depth = 0;
      for (; j < tokens.length; j++) {
        const v = tokens[j]?.v;
        if (v === '(') depth++;
        else if (v === ')') depth--;
        else if (v === '{' && depth === 0) break;
      }
    } else while (j < tokens.length && tokens[j]?.v !== '{') j++;
    let depth = 0;
    const start = j;
    for (; j < tokens.length; j++) {
      const v = tokens[j]?.v;
      if (v === '{') depth++;
      else if (v === '}' && --depth === 0) break;
    }
    return tokens.slice(start, j + 1);
  }
  return undefined;
}

/**
 * Walks schema tokens. A `"key": ... {` opens a named frame; `ForceNew: true` or a
 * `RequiresReplace*` plan modifier marks the innermost named frame. Identifiers after
 * `Elem:`, `Schema:`, `Attributes:`, `NestedObject:`, `Blocks:` that name a function or
 * variable in `lookup` are walked in place (helpers that build nested schemas).
 */
export function walk(
  tokens: readonly Token[],
  lookup: Lookup,
  prefix: readonly string[],
  out: Replacements,
  seen: ReadonlySet<string> = new Set(),
): void {
  const stack: (string | undefined)[] = [];
  let lastSep = -1;
  const path = () => [...prefix, ...stack.filter((f) => f !== undefined)];
  const walkDefinition = (name: string, at: readonly string[]) => {
    const body = lookup(name);
    if (body !== undefined && !seen.has(name))
      walk(body, lookup, at, out, new Set([...seen, name]));
  };
  for (const [i, t] of tokens.entries()) {
    const next = tokens[i + 1];
    const after = tokens[i + 2];
    if (t.v === '{') {
      const [first, second] = tokens.slice(lastSep + 1, i);
      stack.push(
        second?.v !== ':'
          ? undefined
          : first?.k === 'str'
            ? first.v
            : first?.k === 'id'
              ? lookup.constant(first.v) // `pubDatabaseAttr: {` with a string constant
              : undefined,
      );
      lastSep = i;
    } else if (t.v === '}') {
      stack.pop();
      lastSep = i;
    } else if (t.v === ',') lastSep = i;
    else if (t.k === 'id' && t.v === 'ForceNew' && next?.v === ':') {
      if (after?.v === 'true') mark(out, path(), 'always');
    } else if (t.k === 'id' && /^RequiresReplace/.test(t.v) && next?.v === '(') {
      const always = t.v === 'RequiresReplace' || t.v === 'RequiresReplaceIfConfigured';
      mark(out, path(), always ? 'always' : `conditional (${t.v})`);
    } else if (
      t.k === 'str' &&
      next?.v === ':' &&
      after?.k === 'id' &&
      tokens[i + 3]?.v === '(' &&
      (tokens[i - 1]?.v === ',' || tokens[i - 1]?.v === '{')
    ) {
      // `"organization": ResourceOrganizationAttribute(),`: an attribute built by a helper.
      walkDefinition(after.v, [...path(), t.v]);
    } else if (
      t.k === 'id' &&
      t.v === 'Schema' &&
      next?.v === '=' &&
      after?.k === 'id' &&
      tokens[i + 3]?.v === '('
    ) {
      // `resp.Schema = passwordSchemaV3()`
      walkDefinition(after.v, path());
    } else if (
      t.k === 'id' &&
      ['Elem', 'Schema', 'Attributes', 'NestedObject', 'Blocks'].includes(t.v) &&
      next?.v === ':'
    ) {
      let j = i + 2;
      if (tokens[j]?.v === '&') j++;
      const id = tokens[j];
      if (id?.k === 'id' && tokens[j + 1]?.v !== '.' && tokens[j + 1]?.v !== '{')
        walkDefinition(id.v, path());
    }
  }
}

function mark(out: Replacements, path: readonly string[], how: string): void {
  if (path.length === 0) return;
  const key = path.join('.');
  if (out.get(key) !== 'always') out.set(key, how);
}

/** `customdiff.ForceNewIf*("a.0.b", ...)` and `d.ForceNew("a.0.b")` in CustomizeDiff code. */
export function customizeDiffForceNew(src: string, out: Replacements): void {
  for (const m of src.matchAll(/\b(ForceNewIfChange|ForceNewIf|ForceNew)\("([a-z0-9_.]+)"/g)) {
    const key = (m[2] ?? '').replace(/\.\d+(?=\.|$)/g, '');
    if (out.get(key) !== 'always') out.set(key, `conditional (CustomizeDiff ${m[1]})`);
  }
}

/** A lookup over parsed Go files of one package. */
export function packageLookup(sources: readonly (readonly Token[])[]): Lookup {
  const cache = new Map<string, Token[] | undefined>();
  // String constants (`name = "value"` in const blocks), for schema keys written as constants.
  const constants = new Map<string, string>();
  for (const s of sources)
    for (let i = 0; i < s.length; i++) {
      if (s[i]?.v !== 'const') continue;
      const grouped = s[i + 1]?.v === '(';
      for (let j = i + (grouped ? 2 : 1); j + 2 < s.length && s[j]?.v !== ')'; j++) {
        const [name, equals, value] = [s[j], s[j + 1], s[j + 2]];
        if (name?.k === 'id' && equals?.v === '=' && value?.k === 'str' && s[j + 3]?.v !== '+')
          constants.set(name.v, value.v);
        if (!grouped) break;
      }
    }
  const lookup = (name: string): Token[] | undefined => {
    if (!cache.has(name))
      cache.set(
        name,
        sources.map((s) => definition(s, name)).find((d) => d !== undefined),
      );
    return cache.get(name);
  };
  return Object.assign(lookup, { constant: (name: string) => constants.get(name) });
}
