import { execFileSync } from 'node:child_process';
import { startLocalRegistry, type LocalRegistry } from './local-registry.js';
import { cleanEnv, run } from './run.js';
import { PACKAGE_DIRS, readManifest } from './workspace.js';

/** The registry npm is configured to use: third-party packages come through it. */
export const uplink = execFileSync('npm', ['config', 'get', 'registry'], {
  env: cleanEnv(),
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'ignore'],
}).trim();

/** Why nothing can be installed here, or undefined when the uplink answers. */
function uplinkUnreachable(): string | undefined {
  try {
    execFileSync(
      process.execPath,
      ['-e', `fetch(${JSON.stringify(uplink)}, { method: 'HEAD' }).then(() => {})`],
      { timeout: 15_000, stdio: 'pipe' },
    );
    return undefined;
  } catch {
    return `the npm registry ${uplink} is unreachable, so the template's third-party dependencies cannot be installed`;
  }
}

/** `test`, or `test.skip` with a warning naming `what` when nothing can be installed here. */
export function testIfOnline(what: string): jest.It {
  const unreachable = uplinkUnreachable();
  if (unreachable !== undefined) console.warn(`${what} skipped: ${unreachable}`);
  return unreachable === undefined ? test : test.skip;
}

export interface PublishedRegistry {
  readonly registry: LocalRegistry;
  /** Package name → the version published. */
  readonly versions: ReadonlyMap<string, string>;
  /** Runs npm against the local registry only. */
  npm(cwd: string, args: readonly string[], timeoutMs: number): Promise<string>;
}

/** Starts Verdaccio in `dir` and publishes every `@msp/*` package to it. */
export async function publishToLocalRegistry(dir: string): Promise<PublishedRegistry> {
  const registry = await startLocalRegistry(dir, uplink);
  const npm = (cwd: string, args: readonly string[], timeoutMs: number) =>
    run('npm', [...args, '--userconfig', registry.npmrc, '--registry', registry.url], {
      cwd,
      env: cleanEnv(),
      timeoutMs,
    });
  const versions = new Map<string, string>();
  try {
    for (const dir of PACKAGE_DIRS) {
      const { name, version } = readManifest(dir);
      await npm(dir, ['publish', '--provenance=false', '--ignore-scripts'], 60_000);
      versions.set(name, version);
    }
  } catch (error) {
    await registry.stop();
    throw error;
  }
  return { registry, versions, npm };
}
