import { join } from 'node:path';
import { listFiles } from '../fs/find-specs.js';
import type { FileContent } from '../fs/file-content.js';
import { readIfExists, resolveInside } from '../fs/write-files.js';
import { IMAGE_LOCK_PATH, isGeneratedFile } from './stack-paths.js';

/**
 * The generated files already on disk under `root/terraform/` (only the given
 * environments' directories when `environmentIDs` is set, and the image lock,
 * which holds every environment), by relative path.
 */
export async function existingGeneratedFiles(
  root: string,
  environmentIDs?: readonly string[],
): Promise<Map<string, FileContent>> {
  const paths = (await listFiles(join(root, 'terraform')))
    .map((p) => `terraform/${p}`)
    .filter(isGeneratedFile)
    .filter(
      (p) =>
        environmentIDs === undefined ||
        p === IMAGE_LOCK_PATH ||
        environmentIDs.some((id) => p.startsWith(`terraform/${id}/`)),
    );
  const files = new Map<string, FileContent>();
  for (const path of paths) {
    const content = readIfExists(resolveInside(root, path));
    if (content !== undefined) files.set(path, content);
  }
  return files;
}
