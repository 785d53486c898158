// How to run `msp generate` as a process: the built CLI (packages/cli/bin/msp.js).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './msp-pipeline.mjs';

const CLI = join(ROOT, 'packages/cli/bin/msp.js');

/**
 * Node arguments (run with process.execPath) for one `msp generate` of `specPath`
 * into `outDir`. Throws with the build command when the CLI is not built; a failing
 * generation fails the process that runs it (see timing.mjs), never falls back.
 */
export function mspGenerateProcess(specPath) {
  return (outDir) => mspCli(['generate', specPath, '--out', outDir]);
}

/** Node arguments (run with process.execPath) for `msp <args>`; throws when the CLI is not built. */
export function mspCli(args) {
  if (!existsSync(join(ROOT, 'packages/cli/dist/bundle/msp.js'))) {
    throw new Error('the msp CLI is not built; run: npx nx run cli:build');
  }
  return [CLI, ...args];
}
