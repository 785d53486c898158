// How to run `msp generate` as a process: the CLI when its `generate` command is wired
// to the libraries, else the library driver (bench/lib/msp-generate.mjs), reported as such.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './msp-pipeline.mjs';

const CLI = join(ROOT, 'packages/cli/bin/msp.js');
const DRIVER = join(ROOT, 'bench/lib/msp-generate.mjs');

/**
 * `{ label, args(outDir) }` for timing one generation of `specPath` as a process,
 * and `note` explaining a fallback. Node arguments only (run with process.execPath).
 */
export function mspGenerateProcess(specPath) {
  const cli = (outDir) => [CLI, 'generate', specPath, '--out', outDir];
  if (existsSync(join(ROOT, 'packages/cli/dist/bin/msp.js'))) {
    const probe = mkdtempSync(join(tmpdir(), 'msp-bench-probe-'));
    const result = spawnSync(process.execPath, cli(probe), { encoding: 'utf8' });
    rmSync(probe, { recursive: true, force: true });
    if (result.status === 0) return { label: 'msp generate', args: cli };
    const why = (result.stderr || result.stdout).trim().split('\n')[0];
    return {
      label: 'msp pipeline (process)',
      args: (outDir) => [DRIVER, specPath, outDir],
      note: `\`msp generate\` did not run (${why}), so the process figure spawns bench/lib/msp-generate.mjs, the same pipeline without the CLI. TODO: re-run once the CLI's generate command is wired.`,
    };
  }
  return {
    label: 'msp pipeline (process)',
    args: (outDir) => [DRIVER, specPath, outDir],
    note: 'The CLI is not built, so the process figure spawns bench/lib/msp-generate.mjs (the same pipeline without the CLI).',
  };
}
