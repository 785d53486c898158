import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** CI providers `msp init --ci` can add a workflow for. */
export const CI_PROVIDERS = ['github'] as const;
export type CiProvider = (typeof CI_PROVIDERS)[number];

/** Where each provider's files go, relative to the repository root. */
const TARGETS: Record<CiProvider, string> = { github: '.github' };

/**
 * The directory of this package (the nearest package.json named @msp/cli above this
 * module), which holds `templates/` both in the repository and when installed.
 */
async function packageDir(): Promise<string> {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const manifest = await readFile(join(dir, 'package.json'), 'utf8').catch(() => undefined);
    if (manifest !== undefined && (JSON.parse(manifest) as { name?: string }).name === '@msp/cli')
      return dir;
    if (dirname(dir) === dir) throw new Error('the @msp/cli package directory was not found');
  }
}

/** The CI files of a provider: path relative to the repository root → content. */
export async function ciFiles(provider: CiProvider): Promise<Map<string, string>> {
  const source = join(await packageDir(), 'templates', 'ci', provider);
  const entries = await readdir(source, { recursive: true, withFileTypes: true });
  const files = new Map<string, string>();
  for (const entry of entries
    .filter((e) => e.isFile())
    .sort((a, b) => a.name.localeCompare(b.name))) {
    const file = join(entry.parentPath, entry.name);
    const path = [TARGETS[provider], ...relative(source, file).split(/[\\/]/)].join('/');
    files.set(path, await readFile(file, 'utf8'));
  }
  return new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
}
