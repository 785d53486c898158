#!/usr/bin/env node
// The `msp` command. This launcher is committed (not built) so that `npm ci` links
// `msp` into node_modules/.bin before the first build; the CLI itself is in dist/,
// bundled with its libraries into dist/bundle/ (scripts/bundle.mjs).
import module from 'node:module';

// Cache V8's compiled code of the CLI and its libraries on disk (Node >= 22.1; the
// default directory is under the OS temporary directory; NODE_DISABLE_COMPILE_CACHE=1
// turns it off): later runs skip compiling the bundle.
module.enableCompileCache?.();
const entry = new URL('../dist/bundle/msp.js', import.meta.url);
try {
  await import(entry.href);
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes(entry.pathname)) {
    process.stderr.write('error: msp is not built yet\nhint: run "npx nx run cli:build" first\n');
    process.exitCode = 1;
  } else {
    throw error;
  }
}
