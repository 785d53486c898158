import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';
import { isBinaryPath, sameContent, type FileContent } from './file-content.js';

/** What applying a batch of files would do, by relative path (sorted). */
export interface FilePlan {
  readonly created: readonly string[];
  readonly changed: readonly string[];
  readonly unchanged: readonly string[];
  readonly removed: readonly string[];
}

export interface PlanOptions {
  /**
   * Files on disk (relative to the root) that the batch owns: any of them that
   * is not in the batch is planned for removal.
   */
  readonly owned?: readonly string[];
  /**
   * What the caller already knows of the disk, by relative path: the content
   * it read, or `undefined` for a file it knows is not there. These paths are
   * not read again; the other paths of the batch are read from disk.
   */
  readonly current?: ReadonlyMap<string, FileContent | undefined>;
}

/** Joins a batch path to its root, refusing absolute paths and `..` escapes. */
export function resolveInside(root: string, relativePath: string): string {
  const clean = normalize(relativePath);
  if (isAbsolute(clean) || clean === '..' || clean.startsWith(`..${sep}`)) {
    throw new Error(`refusing to write outside ${root}: ${relativePath}`);
  }
  return join(root, clean);
}

/** A file's content, as bytes for {@link isBinaryPath} paths; `undefined` when it does not exist. */
export function readIfExists(path: string): FileContent | undefined {
  try {
    return isBinaryPath(path) ? readFileSync(path) : readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Compares a batch with what is on disk; writes nothing. The file system is
 * used synchronously throughout: one CLI process writes one batch at a time,
 * and for many small files the synchronous calls cost a fraction of promises.
 */
export async function planFiles(
  root: string,
  files: ReadonlyMap<string, FileContent>,
  options: PlanOptions = {},
): Promise<FilePlan> {
  const created: string[] = [];
  const changed: string[] = [];
  const unchanged: string[] = [];
  for (const [path, content] of files) {
    const current =
      options.current?.has(path) === true
        ? options.current.get(path)
        : readIfExists(resolveInside(root, path));
    if (current === undefined) created.push(path);
    else if (sameContent(current, content)) unchanged.push(path);
    else changed.push(path);
  }
  const removed = (options.owned ?? []).filter((path) => !files.has(path));
  return {
    created: created.sort(),
    changed: changed.sort(),
    unchanged: unchanged.sort(),
    removed: [...removed].sort(),
  };
}

/**
 * Applies a batch of files under `root` as one unit, as far as the OS allows:
 * every new content is first written to a temporary file beside its target,
 * and only when all of them are written are they renamed into place (a rename
 * is atomic on one file system). If any write fails, the temporary files are
 * removed and nothing on disk has changed. Unchanged files are not touched;
 * `owned` files missing from the batch are removed last.
 */
export async function writeFiles(
  root: string,
  files: ReadonlyMap<string, FileContent>,
  options: PlanOptions = {},
): Promise<FilePlan> {
  const plan = await planFiles(root, files, options);
  const toWrite = [...plan.created, ...plan.changed];
  const staged: { temp: string; target: string }[] = [];
  const suffix = `.msp-${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  const made = new Set<string>();
  try {
    for (const path of toWrite) {
      const target = resolveInside(root, path);
      const dir = dirname(target);
      if (!made.has(dir)) {
        mkdirSync(dir, { recursive: true });
        made.add(dir);
      }
      const temp = target + suffix;
      staged.push({ temp, target });
      writeFileSync(temp, files.get(path) ?? '', { flag: 'wx' });
    }
  } catch (error) {
    for (const { temp } of staged) rmSync(temp, { force: true });
    throw error;
  }
  for (const { temp, target } of staged) renameSync(temp, target);
  for (const path of plan.removed) rmSync(resolveInside(root, path), { force: true });
  return plan;
}

/** True when applying the plan would change something on disk. */
export function planChangesSomething(plan: FilePlan): boolean {
  return plan.created.length + plan.changed.length + plan.removed.length > 0;
}
