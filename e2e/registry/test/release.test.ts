/**
 * `nx release` dry run: the fixed release group moves every package (and the
 * apps that depend on them) to one version, and every internal `@msp/*`
 * dependency with it. Needs no network and no git remote.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { run, cleanEnv } from './support/run.js';
import { readManifest, WORKSPACE_ROOT, type Manifest } from './support/workspace.js';

function releasedManifests(): Manifest[] {
  return ['packages', 'apps'].flatMap((group) =>
    readdirSync(path.join(WORKSPACE_ROOT, group))
      .map((name) => path.join(WORKSPACE_ROOT, group, name))
      .filter((dir) => existsSync(path.join(dir, 'package.json')))
      .map(readManifest),
  );
}

const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0;
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

test('nx release version --dry-run moves every package, internal dependency and schema $id to one version', async () => {
  const manifests = releasedManifests();
  const current = readManifest(path.join(WORKSPACE_ROOT, 'packages', 'runtime')).version;
  const next = `${Number(current.split('.')[0]) + 1}.0.0`;
  const colored = await run('npx', ['nx', 'release', 'version', next, '--dry-run'], {
    cwd: WORKSPACE_ROOT,
    env: cleanEnv({ NX_DAEMON: 'false', NX_TUI: 'false', NX_NO_CLOUD: 'true' }),
    timeoutMs: 120_000,
  });
  const output = stripVTControlCharacters(colored);

  expect(count(output, new RegExp(`^\\+\\s+"version": "${escape(next)}",?$`, 'gm'))).toBe(
    manifests.length,
  );
  const internal = new Map<string, number>();
  for (const manifest of manifests) {
    for (const name of Object.keys({ ...manifest.dependencies, ...manifest.devDependencies })) {
      if (name.startsWith('@msp/')) internal.set(name, (internal.get(name) ?? 0) + 1);
    }
  }
  expect(internal.size).toBeGreaterThan(0);
  for (const [name, dependents] of internal) {
    const line = new RegExp(`^\\+\\s+"${escape(name)}": "${escape(next)}",?$`, 'gm');
    expect({ name, updated: count(output, line) }).toEqual({ name, updated: dependents });
  }
  // The published schemas carry the version (tools/release/spec-version-actions.cjs), so
  // the release commit leaves no generated file stale.
  expect(output).toContain(`+ export const SPEC_VERSION = '${next}';`);
  for (const schema of ['service', 'platform']) {
    const id = `https://unpkg.com/@msp/spec@${next}/schema/${schema}.schema.json`;
    expect(output).toContain(`+   "$id": "${id}",`);
    expect(output).toContain(`/*# sourceURL="${id}" */`);
  }
});
