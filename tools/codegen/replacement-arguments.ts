/**
 * packages/terraform-gen/src/generated/replacement-arguments.ts: the arguments
 * whose change forces replacement of each resource type msp emits, extracted
 * from the Terraform providers' Go source at the pinned versions.
 *
 * A source target (`node tools/codegen/run.ts --from DIR replacement-arguments`):
 * DIR holds one bare or normal git repository per provider, named
 * `<owner>+<repo>/repo` (e.g. `hashicorp+terraform-provider-google/repo`), with the
 * release tags (`v7.9.0`). Nothing is fetched: the tags are read with `git show`/`git grep`.
 *
 * What counts as "forces replacement":
 * - terraform-plugin-sdk/v2: `ForceNew: true` on an argument (nested paths joined by `.`),
 *   and, as conditional, `customdiff.ForceNewIf*("path", ...)` and `d.ForceNew("path")` in the
 *   resource's file (CustomizeDiff), which replace only under the condition named in the note.
 * - terraform-plugin-framework: a `RequiresReplace()` / `RequiresReplaceIfConfigured()` plan
 *   modifier; `RequiresReplaceIf*(...)` with a custom function is conditional.
 */
import { execFileSync } from 'node:child_process';
import { join, posix } from 'node:path';
import type {
  ReplacementTable,
  ResourceReplacement,
} from '../../packages/terraform-gen/src/replacement-table.js';
import {
  customizeDiffForceNew,
  definition,
  packageLookup,
  tokenize,
  walk,
  type Lookup,
  type Replacements,
} from './go-schema.js';
import type { GeneratedFiles } from './runner.js';
import { readManifest, readSchemaFile, type TfBlock } from './terraform-schemas.js';

const TARGET = 'packages/terraform-gen/src/generated/replacement-arguments.ts';

/** Provider name → repository and the directories that register its resources. */
const PROVIDERS: Readonly<Record<string, { readonly repo: string; readonly registry: string[] }>> =
  {
    google: { repo: 'hashicorp/terraform-provider-google', registry: ['google/provider'] },
    random: { repo: 'hashicorp/terraform-provider-random', registry: ['internal/provider'] },
    cloudflare: { repo: 'cloudflare/terraform-provider-cloudflare', registry: ['internal'] },
    sentry: { repo: 'jianyuan/terraform-provider-sentry', registry: ['internal', 'sentry'] },
    slack: { repo: 'pablovarela/terraform-provider-slack', registry: ['slack'] },
    opsgenie: { repo: 'opsgenie/terraform-provider-opsgenie', registry: ['opsgenie'] },
    tfe: { repo: 'hashicorp/terraform-provider-tfe', registry: ['internal/provider'] },
    postgresql: { repo: 'cyrilgdn/terraform-provider-postgresql', registry: ['postgresql'] },
  };

interface GrepHit {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

/** The git repositories of the providers' source, in `<mirrors>/<owner>+<repo>/repo`. */
class Mirrors {
  readonly #dir: string;
  constructor(dir: string) {
    this.#dir = dir;
  }

  git(repo: string, ...args: string[]): string {
    const dir = join(this.#dir, repo.replace('/', '+'), 'repo');
    return execFileSync('git', ['-C', dir, ...args], {
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
    });
  }

  grep(repo: string, tag: string, pattern: string, paths: readonly string[]): GrepHit[] {
    try {
      return this.git(repo, 'grep', '-n', '-E', pattern, tag, '--', ...paths)
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const rest = line.slice(tag.length + 1);
          const [file = '', lineNo, ...text] = rest.split(':');
          return { file, line: Number(lineNo), text: text.join(':') };
        });
    } catch {
      return [];
    }
  }

  show(repo: string, tag: string, file: string): string {
    return this.git(repo, 'show', `${tag}:${file}`);
  }

  /** The Go files of a package directory at a tag, parsed, for resolving helper names. */
  lookup(repo: string, tag: string, dir: string): Lookup {
    const files = this.git(repo, 'ls-tree', '--name-only', `${tag}:${dir}`)
      .split('\n')
      .filter((f) => f.endsWith('.go') && !f.endsWith('_test.go'));
    return packageLookup(files.map((f) => tokenize(this.show(repo, tag, posix.join(dir, f)))));
  }

  /** The directory of Go package `pkg` under `under`. */
  packageDir(repo: string, tag: string, pkg: string, under: string): string | undefined {
    return this.grep(repo, tag, `^package ${pkg}$`, [under])[0]
      ?.file.split('/')
      .slice(0, -1)
      .join('/');
  }
}

interface Extracted {
  /** The provider source file the facts were read from. */
  readonly source: string;
  readonly out: Replacements;
}

function sdkResource(
  mirrors: Mirrors,
  repo: string,
  tag: string,
  pkgDir: string,
  funcName: string,
  extra: readonly (readonly [dir: string, name: string])[] = [],
): Extracted {
  const lookup = mirrors.lookup(repo, tag, pkgDir);
  const body = lookup(funcName);
  if (body === undefined) throw new Error(`${repo}@${tag}: no func ${funcName} in ${pkgDir}`);
  const out: Replacements = new Map();
  walk(body, lookup, [], out);
  for (const [dir, name] of extra) {
    const l = mirrors.lookup(repo, tag, dir);
    const b = l(name);
    if (b === undefined) throw new Error(`${repo}@${tag}: no ${name} in ${dir}`);
    walk(b, l, [], out);
  }
  const file = mirrors.grep(repo, tag, `func ${funcName}\\(`, [pkgDir])[0]?.file;
  if (file === undefined) throw new Error(`${repo}@${tag}: no file defines func ${funcName}`);
  customizeDiffForceNew(mirrors.show(repo, tag, file), out);
  return { source: file, out };
}

/** Finds where a resource type is implemented and extracts its replacement arguments. */
function extract(mirrors: Mirrors, provider: string, type: string, tag: string): Extracted {
  const providerSource = PROVIDERS[provider];
  if (providerSource === undefined) throw new Error(`no source repository for ${provider}`);
  const { repo, registry } = providerSource;
  // terraform-plugin-sdk/v2 registration: `"type": pkg.Func(...)` in a ResourcesMap.
  const regs = mirrors
    .grep(repo, tag, `"${type}":\\s+[A-Za-z0-9_.]+\\(`, registry)
    .filter((r) => !/DataSource|dataSource/.test(r.text.split(':').slice(1).join(':')));
  const reg = regs.at(-1);
  if (reg !== undefined) {
    const call = /"[^"]+":\s+([A-Za-z0-9_.]+)\((.*)\),?/.exec(reg.text.trim());
    if (call === null) throw new Error(`${repo}@${tag}: cannot read ${reg.text.trim()}`);
    const callee = call[1] ?? '';
    const [pkg, fn = ''] = callee.includes('.') ? callee.split('.') : [undefined, callee];
    const pkgDir =
      pkg === undefined ? posix.dirname(reg.file) : (mirrors.packageDir(repo, tag, pkg, '.') ?? '');
    if (fn === 'ResourceIamMember') {
      // Generated IAM members: the shared member schema plus the parent's IAM schema.
      const parent = (call[2] ?? '').split(',')[0]?.trim() ?? '';
      const [ppkg = '', pvar = ''] = parent.split('.');
      const pdir = mirrors.packageDir(repo, tag, ppkg, 'google/services');
      if (pdir === undefined) throw new Error(`${repo}@${tag}: no package ${ppkg}`);
      const r = sdkResource(mirrors, repo, tag, pkgDir, 'ResourceIamMember', [
        [pkgDir, 'IamMemberBaseSchema'],
        [pdir, pvar],
      ]);
      return { ...r, source: `${r.source} + ${pdir} ${pvar}` };
    }
    return sdkResource(mirrors, repo, tag, pkgDir, fn);
  }
  // terraform-plugin-framework: `resp.TypeName = req.ProviderTypeName + "_suffix"`.
  const suffix = type.slice(provider.length);
  const hits = mirrors
    .grep(repo, tag, `ProviderTypeName \\+ "${suffix}"|TypeName = "${type}"`, ['.'])
    .filter((h) => !/data_source|list_resource|ephemeral|_test\.go/.test(h.file));
  const hit = hits[0];
  if (hit === undefined) throw new Error(`${repo}@${tag}: cannot find resource ${type}`);
  const dir = posix.dirname(hit.file);
  const files = mirrors.git(repo, 'ls-tree', '--name-only', `${tag}:${dir}`).split('\n');
  const schemaFile = files.includes('schema.go') ? posix.join(dir, 'schema.go') : hit.file;
  const lookup = mirrors.lookup(repo, tag, dir);
  const tokens = tokenize(mirrors.show(repo, tag, schemaFile));
  const body = definition(tokens, 'ResourceSchema') ?? definition(tokens, 'Schema') ?? tokens;
  const out: Replacements = new Map();
  walk(body, lookup, [], out);
  return { source: schemaFile, out };
}

function inSchema(block: TfBlock, [head = '', ...rest]: readonly string[]): boolean {
  const attribute = block.attributes?.[head];
  if (attribute !== undefined)
    return (
      rest.length === 0 ||
      (attribute.nested_type !== undefined && inSchema(attribute.nested_type, rest))
    );
  const child = block.block_types?.[head];
  return child !== undefined && (rest.length === 0 || inSchema(child.block, rest));
}

export function generate(from: string): GeneratedFiles {
  const mirrors = new Mirrors(from);
  const { providers: pinnedProviders } = readManifest();
  const resources: Record<string, ResourceReplacement> = {};
  const providers: Record<string, ReplacementTable['providers'][string]> = {};
  for (const [provider, { repo }] of Object.entries(PROVIDERS)) {
    const pinned = pinnedProviders[provider];
    if (pinned === undefined) throw new Error(`schemas/types.json has no provider ${provider}`);
    const tag = `v${pinned.version}`;
    const commit = mirrors.git(repo, 'rev-list', '-n', '1', tag).trim();
    providers[provider] = {
      source: pinned.source,
      version: pinned.version,
      repository: repo,
      commit,
    };
    const schemas = Object.values(readSchemaFile(pinned).provider_schemas)[0]?.resource_schemas;
    for (const type of [...pinned.resources].sort()) {
      const { source, out } = extract(mirrors, provider, type, tag);
      // Drop paths the pinned schema does not have (dead code for removed arguments).
      const block = schemas?.[type]?.block;
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
      resources[type] = { provider, source, forceNew: always, conditional };
      console.error(`${type}: ${always.length} + ${conditional.length} conditional (${source})`);
    }
  }
  const text = `// Generated by tools/codegen/replacement-arguments.ts from the providers' source at the
// pinned versions. Do not edit; re-run the script (see its header) to update.
import type { ReplacementTable } from '../replacement-table.js';

export const REPLACEMENT_ARGUMENTS: ReplacementTable = ${JSON.stringify({ providers, resources }, null, 2)};
`;
  return new Map([[TARGET, text]]);
}
