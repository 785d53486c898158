// Bundles the service and the job for production with esbuild: one ES module
// per entry point plus shared chunks in dist/bundle/, with @msp/runtime and
// its dependencies inside. Node then reads and compiles a few large files
// instead of several hundred small ones, which is most of a cold start on
// Cloud Run (the runtime's cold start benchmark measures both ways). Modules
// that the runtime imports on first use (the exporters, Sentry's client, the
// drivers) become chunks of their own, still loaded only when used.
//
//   node bundle.mjs                 src/main.ts and src/job.ts into dist/bundle/
//
// `bundle()` is also what the monorepo's benchmarks use.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

/**
 * Left in node_modules (the image installs production dependencies):
 * Google Cloud client libraries read their own files at run time and load
 * only when used; pg-native is an optional addon pg asks for by name.
 */
export const EXTERNAL = ['@google-cloud/*', 'pg-native'];

/**
 * Bundles `entryPoints` (name → file) into `outdir`.
 * @param {{ entryPoints: Record<string, string>, outdir: string, absWorkingDir?: string }} options
 */
export async function bundle({ entryPoints, outdir, absWorkingDir }) {
  await build({
    entryPoints,
    outdir,
    absWorkingDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    external: EXTERNAL,
    sourcemap: 'linked',
    // CommonJS dependencies call require() for Node's modules and may read
    // __dirname; an ES module has neither, so each output file defines them.
    banner: {
      js: [
        "import { createRequire as __mspCreateRequire } from 'node:module';",
        "import { dirname as __mspDirname } from 'node:path';",
        "import { fileURLToPath as __mspFileURLToPath } from 'node:url';",
        'const require = __mspCreateRequire(import.meta.url);',
        'const __filename = __mspFileURLToPath(import.meta.url);',
        'const __dirname = __mspDirname(__filename);',
      ].join('\n'),
    },
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await bundle({
    entryPoints: { main: 'src/main.ts', job: 'src/job.ts' },
    outdir: 'dist/bundle',
    absWorkingDir: fileURLToPath(new URL('.', import.meta.url)),
  });
}
