import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

const skipped = new Set(['node_modules', 'dist', 'coverage', 'terraform']);

/**
 * Every `service.yaml` under `root`, sorted, skipping dependencies, build
 * output, generated Terraform and hidden directories.
 */
export async function findSpecs(root: string): Promise<string[]> {
  const found: string[] = [];
  async function walk(dir: string): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !skipped.has(entry.name))
          await walk(join(dir, entry.name));
      } else if (entry.isFile() && entry.name === 'service.yaml') {
        found.push(join(dir, entry.name));
      }
    }
  }
  await walk(root);
  return found.sort();
}

/** Every file under `dir` (relative, `/`-separated, sorted); none when it does not exist. */
export async function listFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  async function walk(current: string, prefix: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(current, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const entry of entries) {
      const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      if (entry.isDirectory()) await walk(join(current, entry.name), rel);
      else if (entry.isFile()) found.push(rel);
    }
  }
  await walk(dir, '');
  return found.sort();
}
