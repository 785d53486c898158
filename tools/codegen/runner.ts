/**
 * The codegen runner: runs generators, compares what they return with the
 * files in the repository, and either reports the differences (`--check`) or
 * writes them, each file atomically. `run.ts` is its command line.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

/** Repository-relative path (`/`-separated) → the file's content. */
export type GeneratedFiles = ReadonlyMap<string, string>;

/**
 * A directory whose files all come from one generator, but for `except`: a file
 * directly in it that the generator no longer returns is obsolete, and goes.
 */
export interface OwnedDirectory {
  readonly directory: string;
  readonly except?: readonly string[];
}

/** A generator module, `tools/codegen/<target>.ts`, of files derived from the repository. */
export interface Generator {
  generate(): GeneratedFiles | Promise<GeneratedFiles>;
  readonly owns?: readonly OwnedDirectory[];
}

/** A generator module whose input lies outside the repository (`--from DIR`). */
export interface SourceGenerator {
  generate(from: string): GeneratedFiles | Promise<GeneratedFiles>;
  readonly owns?: readonly OwnedDirectory[];
}

export type Load<T> = () => Promise<T>;

export interface Targets {
  /** What `npm run codegen` runs and CI checks, in order. */
  readonly repository: Readonly<Record<string, Load<Generator>>>;
  /** Run on their own, with `--from DIR`. */
  readonly source: Readonly<Record<string, Load<SourceGenerator>>>;
}

export interface Change {
  readonly path: string;
  readonly kind: 'missing' | 'stale' | 'obsolete';
  /** The new content; absent for an obsolete file. */
  readonly content?: string;
}

export interface RunnerIO {
  /** The repository's root directory. */
  readonly root: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

export const FIX_HINT = 'npm run codegen';

export function usage(targets: Targets): string {
  return [
    'usage: node tools/codegen/run.ts [--check] [target...]',
    '       node tools/codegen/run.ts [--check] --from DIR <source target>',
    '',
    'Regenerates the committed generated files; --check writes nothing and exits 1',
    'when one is stale, missing or obsolete.',
    '',
    `targets (default: all): ${Object.keys(targets.repository).join(', ')}`,
    `source targets (input outside the repository): ${Object.keys(targets.source).join(', ')}`,
    '',
  ].join('\n');
}

export type Invocation =
  | { readonly kind: 'help' }
  | { readonly kind: 'usage-error'; readonly message: string }
  | {
      readonly kind: 'repository';
      readonly check: boolean;
      readonly targets: readonly (readonly [name: string, load: Load<Generator>])[];
    }
  | {
      readonly kind: 'source';
      readonly check: boolean;
      readonly target: string;
      readonly load: Load<SourceGenerator>;
      readonly from: string;
    };

export function parseArgs(argv: readonly string[], targets: Targets): Invocation {
  let check = false;
  let from: string | undefined;
  const names: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--check') check = true;
    else if (arg === '--help' || arg === '-h') return { kind: 'help' };
    else if (arg === '--from' || arg.startsWith('--from=')) {
      const value = arg === '--from' ? argv[++i] : arg.slice('--from='.length);
      if (value === undefined || value === '')
        return { kind: 'usage-error', message: '--from needs a directory' };
      from = value;
    } else if (arg.startsWith('-'))
      return { kind: 'usage-error', message: `unknown option ${arg}` };
    else if (Object.hasOwn(targets.repository, arg) || Object.hasOwn(targets.source, arg)) {
      if (!names.includes(arg)) names.push(arg);
    } else return { kind: 'usage-error', message: `unknown target ${arg}` };
  }
  const source = Object.entries(targets.source).filter(([name]) => names.includes(name));
  if (source.length === 0) {
    if (from !== undefined)
      return { kind: 'usage-error', message: '--from goes with a source target' };
    const repository = Object.entries(targets.repository);
    return {
      kind: 'repository',
      check,
      targets:
        names.length === 0 ? repository : repository.filter(([name]) => names.includes(name)),
    };
  }
  const [[target, load] = []] = source;
  if (names.length > 1 || target === undefined || load === undefined)
    return { kind: 'usage-error', message: 'a source target runs on its own' };
  if (from === undefined) return { kind: 'usage-error', message: `${target} needs --from DIR` };
  return { kind: 'source', check, target, load, from };
}

/** Runs the command line `argv` (without node and the script); returns the exit code. */
export async function main(
  argv: readonly string[],
  targets: Targets,
  io: RunnerIO,
): Promise<number> {
  const invocation = parseArgs(argv, targets);
  if (invocation.kind === 'help') {
    io.stdout(usage(targets));
    return 0;
  }
  if (invocation.kind === 'usage-error') {
    io.stderr(`error: ${invocation.message}\n\n${usage(targets)}`);
    return 2;
  }
  const generators: [name: string, files: GeneratedFiles, owns: readonly OwnedDirectory[]][] = [];
  if (invocation.kind === 'repository') {
    for (const [name, load] of invocation.targets) {
      const generator = await load();
      generators.push([name, await generator.generate(), generator.owns ?? []]);
    }
  } else {
    const generator = await invocation.load();
    generators.push([
      invocation.target,
      await generator.generate(invocation.from),
      generator.owns ?? [],
    ]);
  }
  const files = new Map<string, string>();
  const owned: OwnedDirectory[] = [];
  for (const [name, generated, owns] of generators) {
    for (const [path, content] of generated) {
      if (files.has(path)) throw new Error(`${name}: ${path} is generated by another target too`);
      files.set(path, content);
    }
    owned.push(...owns);
  }
  const changes = diffFiles(io.root, files, owned);
  const names = generators.map(([name]) => name).join(', ');
  if (changes.length === 0) {
    io.stdout(`codegen (${names}): ${files.size} files up to date\n`);
    return 0;
  }
  if (invocation.check) {
    const fix =
      invocation.kind === 'repository'
        ? FIX_HINT
        : `node tools/codegen/run.ts --from ${invocation.from} ${invocation.target}`;
    io.stderr(
      `codegen (${names}): ${changes.length} generated file${changes.length === 1 ? ' is' : 's are'} out of date:\n` +
        changes.map((change) => `  ${change.path} (${change.kind})\n`).join('') +
        `fix: run \`${fix}\` and commit the result\n`,
    );
    return 1;
  }
  applyChanges(io.root, changes);
  io.stdout(
    changes
      .map((change) => `${change.kind === 'obsolete' ? 'removed' : 'wrote'} ${change.path}\n`)
      .join('') +
      `codegen (${names}): ${changes.length} file${changes.length === 1 ? '' : 's'} changed\n`,
  );
  return 0;
}

/** What writing `files` would change under `root`: missing and stale files, then obsolete ones. */
export function diffFiles(
  root: string,
  files: GeneratedFiles,
  owned: readonly OwnedDirectory[] = [],
): Change[] {
  const changes: Change[] = [];
  for (const [path, content] of files) {
    const file = join(root, path);
    if (!existsSync(file)) changes.push({ path, kind: 'missing', content });
    else if (readFileSync(file, 'utf8') !== content) changes.push({ path, kind: 'stale', content });
  }
  for (const { directory, except = [] } of owned) {
    const dir = join(root, directory);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      const path = `${directory}/${name}`;
      if (except.includes(name) || files.has(path) || !statSync(join(dir, name)).isFile()) continue;
      changes.push({ path, kind: 'obsolete' });
    }
  }
  return changes;
}

/** Writes (atomically, file by file) or removes what `changes` says. */
export function applyChanges(root: string, changes: readonly Change[]): void {
  for (const change of changes) {
    const file = join(root, change.path);
    if (change.content === undefined) rmSync(file, { force: true });
    else writeFileAtomic(file, change.content);
  }
}

/**
 * Writes `content` to a temporary file next to `file`, then renames it over
 * `file`: a reader sees the old file or the new one, never a part of either.
 */
export function writeFileAtomic(file: string, content: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
