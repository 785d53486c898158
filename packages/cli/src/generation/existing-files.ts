import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listFiles } from '../fs/find-specs.js';
import { resolveInside } from '../fs/write-files.js';
import { isGeneratedFile } from './generate-service.js';

/**
 * The generated files already on disk under `root/terraform/` (only the given
 * environments' directories when `environmentIDs` is set), by relative path.
 */
export async function existingGeneratedFiles(
  root: string,
  environmentIDs?: readonly string[],
): Promise<Map<string, string>> {
  const paths = (await listFiles(join(root, 'terraform')))
    .map((p) => `terraform/${p}`)
    .filter(isGeneratedFile)
    .filter(
      (p) =>
        environmentIDs === undefined ||
        environmentIDs.some((id) => p.startsWith(`terraform/${id}/`)),
    );
  const files = new Map<string, string>();
  for (const path of paths) files.set(path, await readFile(resolveInside(root, path), 'utf8'));
  return files;
}

/**
 * Stable generation: a dynamic-variables file (`terraform.tfvars`, holding
 * resolved image digests) that already exists keeps its content.
 */
export function keepStableFiles(
  files: ReadonlyMap<string, string>,
  existing: ReadonlyMap<string, string>,
): Map<string, string> {
  const result = new Map(files);
  for (const [path] of files) {
    const current = existing.get(path);
    if (path.endsWith('/terraform.tfvars') && current !== undefined) result.set(path, current);
  }
  return result;
}
