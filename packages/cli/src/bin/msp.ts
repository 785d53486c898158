#!/usr/bin/env node
import { createRequire } from 'node:module';
import { main } from '../main.js';

// Start-up: `node:fs` as an ES module loads Node's stream modules (its exports include
// the streams); `require` reads JSON without them.
function version(): string {
  const pkg: unknown = createRequire(import.meta.url)('../../package.json');
  return typeof pkg === 'object' &&
    pkg !== null &&
    'version' in pkg &&
    typeof pkg.version === 'string'
    ? pkg.version
    : 'unknown';
}

process.exitCode = await main(
  process.argv.slice(2),
  {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    // Only commands that prompt read stdin; creating the stream costs start-up time.
    get stdin() {
      return process.stdin;
    },
    signals: process,
  },
  { version, generateWorker: new URL('./generate-worker.js', import.meta.url) },
);
