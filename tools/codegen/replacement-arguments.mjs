#!/usr/bin/env node
// Extracts, from the Terraform providers' Go source at the pinned versions, the
// arguments whose change forces replacement of each resource type msp emits, and
// writes packages/terraform-gen/src/generated/replacement-arguments.ts.
//
//   node tools/codegen/replacement-arguments.mjs <dir-of-git-mirrors>
//
// <dir-of-git-mirrors> holds one bare or normal git repository per provider, named
// `<owner>+<repo>/repo` (e.g. `hashicorp+terraform-provider-google/repo`), with the
// release tags (`v7.9.0`). Nothing is fetched: the tags are read with `git show`/`git grep`.
//
// What counts as "forces replacement":
// - terraform-plugin-sdk/v2: `ForceNew: true` on an argument (nested paths joined by `.`),
//   and, as conditional, `customdiff.ForceNewIf*("path", ...)` and `d.ForceNew("path")` in the
//   resource's file (CustomizeDiff), which replace only under the condition named in the note.
// - terraform-plugin-framework: a `RequiresReplace()` / `RequiresReplaceIfConfigured()` plan
//   modifier; `RequiresReplaceIf*(...)` with a custom function is conditional.
import { execFileSync } from 'node:child_process';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve, dirname, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const mirrors = process.argv[2];
if (mirrors === undefined) {
  console.error('usage: node tools/codegen/replacement-arguments.mjs <dir-of-git-mirrors>');
  process.exit(2);
}

/** Provider name → repository and how its resources are registered. */
const PROVIDERS = {
  google: { repo: 'hashicorp/terraform-provider-google', registry: ['google/provider'] },
  random: { repo: 'hashicorp/terraform-provider-random', registry: ['internal/provider'] },
  cloudflare: { repo: 'cloudflare/terraform-provider-cloudflare', registry: ['internal'] },
  sentry: { repo: 'jianyuan/terraform-provider-sentry', registry: ['internal', 'sentry'] },
  slack: { repo: 'pablovarela/terraform-provider-slack', registry: ['slack'] },
  opsgenie: { repo: 'opsgenie/terraform-provider-opsgenie', registry: ['opsgenie'] },
  tfe: { repo: 'hashicorp/terraform-provider-tfe', registry: ['internal/provider'] },
  postgresql: { repo: 'cyrilgdn/terraform-provider-postgresql', registry: ['postgresql'] },
};

const schemaDir = join(root, 'packages/terraform-gen/schemas');
const types = JSON.parse(readFileSync(join(schemaDir, 'types.json'), 'utf8'));

function git(repo, ...args) {
  const dir = join(mirrors, repo.replace('/', '+'), 'repo');
  return execFileSync('git', ['-C', dir, ...args], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
}
function gitGrep(repo, tag, pattern, paths) {
  try {
    return git(repo, 'grep', '-n', '-E', pattern, tag, '--', ...paths)
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const rest = line.slice(tag.length + 1);
        const [file, lineNo, ...text] = rest.split(':');
        return { file, line: Number(lineNo), text: text.join(':') };
      });
  } catch {
    return [];
  }
}
const show = (repo, tag, file) => git(repo, 'show', `${tag}:${file}`);

// ---- a small Go tokenizer: strings, identifiers, punctuation; comments dropped ----
function tokenize(src) {
  const tokens = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '/' && src[i + 1] === '/') {
      i = src.indexOf('\n', i);
      if (i < 0) break;
    } else if (c === '/' && src[i + 1] === '*') {
      i = src.indexOf('*/', i + 2) + 2;
    } else if (c === '"') {
      let j = i + 1;
      while (src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      tokens.push({ k: 'str', v: JSON.parse(src.slice(i, j + 1).replace(/\\'/g, "'")) });
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
      while (j < src.length && /[A-Za-z0-9_]/.test(src[j])) j++;
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
function definition(tokens, name) {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.k !== 'id' || t.v !== name) continue;
    const prev = tokens[i - 1];
    const isFunc = prev?.v === 'func' || (prev?.v === ')' && tokens[i + 1]?.v === '(');
    const isVar = prev?.v === 'var' && tokens[i + 1]?.v === '=';
    if (!isFunc && !isVar) continue;
    let j = i + 1;
    if (isFunc) {
      // skip the parameter list and the result type up to the body's `{`
      let depth = 0;
      for (; j < tokens.length; j++) {
        if (tokens[j].v === '(') depth++;
        else if (tokens[j].v === ')') depth--;
        else if (tokens[j].v === '{' && depth === 0) break;
      }
    } else while (tokens[j].v !== '{') j++;
    let depth = 0;
    const start = j;
    for (; j < tokens.length; j++) {
      if (tokens[j].v === '{') depth++;
      else if (tokens[j].v === '}' && --depth === 0) break;
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
function walk(tokens, lookup, prefix, out, seen = new Set()) {
  const stack = [];
  let pendingName;
  let lastSep = -1;
  const path = () => [...prefix, ...stack.filter((f) => f !== undefined)];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.v === '{') {
      const head = tokens.slice(lastSep + 1, i);
      pendingName =
        head[1]?.v !== ':'
          ? undefined
          : head[0]?.k === 'str'
            ? head[0].v
            : head[0]?.k === 'id'
              ? lookup.constant(head[0].v) // `pubDatabaseAttr: {` with a string constant
              : undefined;
      stack.push(pendingName);
      lastSep = i;
    } else if (t.v === '}') {
      stack.pop();
      lastSep = i;
    } else if (t.v === ',') lastSep = i;
    else if (t.k === 'id' && t.v === 'ForceNew' && tokens[i + 1]?.v === ':') {
      if (tokens[i + 2]?.v === 'true') mark(out, path(), 'always');
    } else if (t.k === 'id' && /^RequiresReplace/.test(t.v) && tokens[i + 1]?.v === '(') {
      const always = t.v === 'RequiresReplace' || t.v === 'RequiresReplaceIfConfigured';
      mark(out, path(), always ? 'always' : `conditional (${t.v})`);
    } else if (
      t.k === 'str' &&
      tokens[i + 1]?.v === ':' &&
      tokens[i + 2]?.k === 'id' &&
      tokens[i + 3]?.v === '(' &&
      (tokens[i - 1]?.v === ',' || tokens[i - 1]?.v === '{')
    ) {
      // `"organization": ResourceOrganizationAttribute(),`: an attribute built by a helper.
      const body = lookup(tokens[i + 2].v);
      if (body !== undefined && !seen.has(tokens[i + 2].v))
        walk(body, lookup, [...path(), t.v], out, new Set([...seen, tokens[i + 2].v]));
    } else if (
      t.k === 'id' &&
      t.v === 'Schema' &&
      tokens[i + 1]?.v === '=' &&
      tokens[i + 2]?.k === 'id' &&
      tokens[i + 3]?.v === '('
    ) {
      // `resp.Schema = passwordSchemaV3()`
      const body = lookup(tokens[i + 2].v);
      if (body !== undefined && !seen.has(tokens[i + 2].v))
        walk(body, lookup, path(), out, new Set([...seen, tokens[i + 2].v]));
    } else if (
      t.k === 'id' &&
      ['Elem', 'Schema', 'Attributes', 'NestedObject', 'Blocks'].includes(t.v) &&
      tokens[i + 1]?.v === ':'
    ) {
      let j = i + 2;
      if (tokens[j]?.v === '&') j++;
      const id = tokens[j];
      if (id?.k === 'id' && tokens[j + 1]?.v !== '.' && tokens[j + 1]?.v !== '{') {
        const body = lookup(id.v);
        if (body !== undefined && !seen.has(id.v))
          walk(body, lookup, path(), out, new Set([...seen, id.v]));
      }
    }
  }
}

function mark(out, path, how) {
  if (path.length === 0) return;
  const key = path.join('.');
  if (out.get(key) !== 'always') out.set(key, how);
}

/** `customdiff.ForceNewIf*("a.0.b", ...)` and `d.ForceNew("a.0.b")` in CustomizeDiff code. */
function customizeDiffForceNew(src, out) {
  for (const m of src.matchAll(/\b(ForceNewIfChange|ForceNewIf|ForceNew)\("([a-z0-9_.]+)"/g)) {
    const key = m[2].replace(/\.\d+(?=\.|$)/g, '');
    if (out.get(key) !== 'always') out.set(key, `conditional (CustomizeDiff ${m[1]})`);
  }
}

/** The Go files of a package directory at a tag, parsed, for resolving helper names. */
function packageLookup(repo, tag, dir) {
  const files = git(repo, 'ls-tree', '--name-only', `${tag}:${dir}`)
    .split('\n')
    .filter((f) => f.endsWith('.go') && !f.endsWith('_test.go'));
  const sources = files.map((f) => tokenize(show(repo, tag, posix.join(dir, f))));
  const cache = new Map();
  const lookup = (name) => {
    if (!cache.has(name))
      cache.set(
        name,
        sources.map((s) => definition(s, name)).find((d) => d !== undefined),
      );
    return cache.get(name);
  };
  // String constants (`name = "value"` in const blocks), for schema keys written as constants.
  const constants = new Map();
  for (const s of sources)
    for (let i = 0; i < s.length; i++) {
      if (s[i].v !== 'const') continue;
      const grouped = s[i + 1]?.v === '(';
      for (let j = i + (grouped ? 2 : 1); j + 2 < s.length && s[j].v !== ')'; j++) {
        if (s[j].k === 'id' && s[j + 1].v === '=' && s[j + 2].k === 'str' && s[j + 3]?.v !== '+')
          constants.set(s[j].v, s[j + 2].v);
        if (!grouped) break;
      }
    }
  lookup.constant = (name) => constants.get(name);
  return lookup;
}

function sdkResource(repo, tag, pkgDir, funcName, extra = []) {
  const lookup = packageLookup(repo, tag, pkgDir);
  const body = lookup(funcName);
  if (body === undefined) throw new Error(`${repo}@${tag}: no func ${funcName} in ${pkgDir}`);
  const out = new Map();
  walk(body, lookup, [], out);
  for (const [dir, name] of extra) {
    const l = packageLookup(repo, tag, dir);
    const b = l(name);
    if (b === undefined) throw new Error(`${repo}@${tag}: no ${name} in ${dir}`);
    walk(b, l, [], out);
  }
  const file = gitGrep(repo, tag, `func ${funcName}\\(`, [pkgDir])[0]?.file;
  if (file !== undefined) customizeDiffForceNew(show(repo, tag, file), out);
  return { source: file, out };
}

/** Finds where a resource type is implemented and extracts its replacement arguments. */
function extract(provider, type, tag) {
  const { repo, registry } = PROVIDERS[provider];
  // terraform-plugin-sdk/v2 registration: `"type": pkg.Func(...)` in a ResourcesMap.
  const regs = gitGrep(repo, tag, `"${type}":\\s+[A-Za-z0-9_.]+\\(`, registry).filter(
    (r) => !/DataSource|dataSource/.test(r.text.split(':').slice(1).join(':')),
  );
  const reg = regs.at(-1);
  if (reg !== undefined) {
    const call = /"[^"]+":\s+([A-Za-z0-9_.]+)\((.*)\),?/.exec(reg.text.trim());
    const [pkg, fn] = call[1].includes('.') ? call[1].split('.') : [undefined, call[1]];
    const pkgDir =
      pkg === undefined
        ? posix.dirname(reg.file)
        : (gitGrep(repo, tag, `^package ${pkg}$`, ['.'])[0]
            ?.file.split('/')
            .slice(0, -1)
            .join('/') ?? '');
    if (fn === 'ResourceIamMember') {
      // Generated IAM members: the shared member schema plus the parent's IAM schema.
      const parent = call[2].split(',')[0].trim();
      const [ppkg, pvar] = parent.split('.');
      const pdir = gitGrep(repo, tag, `^package ${ppkg}$`, ['google/services'])[0]
        .file.split('/')
        .slice(0, -1)
        .join('/');
      const r = sdkResource(repo, tag, pkgDir, 'ResourceIamMember', [
        [pkgDir, 'IamMemberBaseSchema'],
        [pdir, pvar],
      ]);
      return { ...r, source: `${r.source} + ${pdir} ${pvar}` };
    }
    return sdkResource(repo, tag, pkgDir, fn);
  }
  // terraform-plugin-framework: `resp.TypeName = req.ProviderTypeName + "_suffix"`.
  const suffix = type.slice(provider.length);
  const hits = gitGrep(repo, tag, `ProviderTypeName \\+ "${suffix}"|TypeName = "${type}"`, [
    '.',
  ]).filter((h) => !/data_source|list_resource|ephemeral|_test\.go/.test(h.file));
  const hit = hits[0];
  if (hit === undefined) throw new Error(`${repo}@${tag}: cannot find resource ${type}`);
  const dir = posix.dirname(hit.file);
  const files = git(repo, 'ls-tree', '--name-only', `${tag}:${dir}`).split('\n');
  const schemaFile = files.includes('schema.go') ? posix.join(dir, 'schema.go') : hit.file;
  const lookup = packageLookup(repo, tag, dir);
  const tokens = tokenize(show(repo, tag, schemaFile));
  const body = definition(tokens, 'ResourceSchema') ?? definition(tokens, 'Schema') ?? tokens;
  const out = new Map();
  walk(body, lookup, [], out);
  return { source: schemaFile, out };
}

const result = {};
const versions = {};
for (const [provider, { repo }] of Object.entries(PROVIDERS)) {
  const pinned = types.providers[provider];
  const tag = `v${pinned.version}`;
  const commit = git(repo, 'rev-list', '-n', '1', tag).trim();
  versions[provider] = { source: pinned.source, version: pinned.version, repository: repo, commit };
  for (const type of [...pinned.resources].sort()) {
    const { source, out } = extract(provider, type, tag);
    // Drop paths the pinned schema does not have (dead code for removed arguments).
    const block = schemaOf(pinned.source, pinned.version).resource_schemas[type]?.block;
    for (const key of [...out.keys()])
      if (block === undefined || !inSchema(block, key.split('.'))) {
        console.error(`  ${type}: ignoring ${key} (not in the ${pinned.version} schema)`);
        out.delete(key);
      }
    const always = [...out]
      .filter(([, how]) => how === 'always')
      .map(([k]) => k)
      .sort();
    const conditional = [...out]
      .filter(([, how]) => how !== 'always')
      .map(([k, how]) => ({ path: k, when: how }))
      .sort((a, b) => a.path.localeCompare(b.path));
    result[type] = { provider, source, forceNew: always, conditional };
    console.error(`${type}: ${always.length} + ${conditional.length} conditional (${source})`);
  }
}

function schemaOf(source, version) {
  const file = join(schemaDir, `${source.replace('/', '-')}-${version}.json`);
  return Object.values(JSON.parse(readFileSync(file, 'utf8')).provider_schemas)[0];
}

function inSchema(block, [head, ...rest]) {
  const attribute = block.attributes?.[head];
  if (attribute !== undefined)
    return (
      rest.length === 0 ||
      (attribute.nested_type !== undefined && inSchema(attribute.nested_type, rest))
    );
  const child = block.block_types?.[head];
  return child !== undefined && (rest.length === 0 || inSchema(child.block, rest));
}

const target = join(root, 'packages/terraform-gen/src/generated/replacement-arguments.ts');
const text = `// Generated by tools/codegen/replacement-arguments.mjs from the providers' source at the
// pinned versions. Do not edit; re-run the script (see its header) to update.
import type { ReplacementTable } from '../replacement-table.js';

export const REPLACEMENT_ARGUMENTS: ReplacementTable = ${JSON.stringify({ providers: versions, resources: result }, null, 2)};
`;
writeFileSync(target + '.tmp', text);
renameSync(target + '.tmp', target);
console.error(`wrote ${target}`);
