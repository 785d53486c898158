import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readManifest } from './workspace.js';

/** What a copy of the template leaves behind: build output and installed packages. */
const SKIPPED = new Set(['node_modules', 'dist', 'coverage']);

function repoint(
  deps: Record<string, string> | undefined,
  published: ReadonlyMap<string, string>,
): Record<string, string> | undefined {
  if (deps === undefined) return undefined;
  const out: Record<string, string> = {};
  for (const [name, range] of Object.entries(deps)) {
    if (name.startsWith('@msp/')) {
      const version = published.get(name);
      if (version === undefined)
        throw new Error(`the template depends on ${name}, which was not published`);
      out[name] = version;
    } else {
      out[name] = range;
    }
  }
  return out;
}

/**
 * Copies the template app to `target` as a user would start a new service, and
 * points its `@msp/*` dependencies at the published versions. Returns the names
 * of the `@msp/*` packages it depends on.
 */
export function copyTemplate(
  source: string,
  target: string,
  published: ReadonlyMap<string, string>,
): string[] {
  cpSync(source, target, {
    recursive: true,
    filter: (file) => !SKIPPED.has(path.basename(file)),
  });
  const manifest = readManifest(target);
  const dependencies = repoint(manifest.dependencies, published);
  const devDependencies = repoint(manifest.devDependencies, published);
  const copy = {
    ...manifest,
    ...(dependencies === undefined ? {} : { dependencies }),
    ...(devDependencies === undefined ? {} : { devDependencies }),
  };
  writeFileSync(path.join(target, 'package.json'), `${JSON.stringify(copy, null, 2)}\n`);
  return Object.keys({ ...dependencies, ...devDependencies }).filter((name) =>
    name.startsWith('@msp/'),
  );
}
