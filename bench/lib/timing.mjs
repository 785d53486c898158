// Timing helpers shared by the area scripts: wall time of a child process or a function.
import { spawnSync } from 'node:child_process';

/** Milliseconds since `start` (a `process.hrtime.bigint()` value). */
export const elapsedMs = (start) => Number(process.hrtime.bigint() - start) / 1e6;

/**
 * Wall time of one child process, start-up included. Throws with the child's
 * stderr when it fails, so a broken benchmark never reports a number.
 */
export function timeProcess(command, args, options = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 26, ...options });
  const ms = elapsedMs(start);
  if (result.status !== 0) {
    const detail = (result.stderr || result.stdout || String(result.error ?? ''))
      .trim()
      .slice(-2000);
    throw new Error(`${[command, ...args].join(' ')} exited with ${result.status}:\n${detail}`);
  }
  return { ms, stdout: result.stdout, stderr: result.stderr };
}

/** Runs `fn` `warmup` times unmeasured, then returns `runs` samples in milliseconds. */
export async function sampleFunction(fn, { runs, warmup = 0 }) {
  for (let i = 0; i < warmup; i++) await fn();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(elapsedMs(start));
  }
  return samples;
}

/** True when the script was started with `--json` (the orchestrator's convention). */
export const wantsJson = (argv = process.argv) => argv.includes('--json');

/** The first numeric positional argument, or `fallback`. */
export function runsArgument(argv = process.argv, fallback) {
  const value = argv.slice(2).find((arg) => /^\d+$/.test(arg));
  return value === undefined ? fallback : Number(value);
}
