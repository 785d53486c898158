// The codegen runner's command line (see runner.ts and README.md):
//
//   node tools/codegen/run.ts [--check] [target...]            `npm run codegen`; CI runs --check
//   node tools/codegen/run.ts [--check] --from DIR <target>    the targets whose input is outside
//
// Node runs this file with its type stripping. The generators read the packages'
// TypeScript sources, which need no build first: the hooks below resolve `.js`
// imports to `.ts` files and `@msp/*` to the packages' sources, and compile the
// packages' files with esbuild (they are written for tsc, not for strip-only mode).
import { existsSync, readFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { transformSync } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
const packages = pathToFileURL(`${root}packages/`).href;

/** The packages' entry points, as jest.preset.cjs maps them. */
const SOURCES: Readonly<Record<string, string>> = {
  '@msp/spec': 'packages/spec/src/index.ts',
  '@msp/spec/contract': 'packages/spec/src/contract/index.ts',
  '@msp/spec/errors': 'packages/spec/src/errors/index.ts',
  '@msp/spec/issues': 'packages/spec/src/issues/index.ts',
  '@msp/terraform-gen': 'packages/terraform-gen/src/index.ts',
  '@msp/runtime': 'packages/runtime/src/index.ts',
};

process.setSourceMapsEnabled(true);
registerHooks({
  resolve(specifier, context, nextResolve) {
    const source = SOURCES[specifier];
    if (source !== undefined)
      return { url: pathToFileURL(`${root}${source}`).href, shortCircuit: true };
    if (
      specifier.startsWith('.') &&
      specifier.endsWith('.js') &&
      context.parentURL?.endsWith('.ts') === true
    ) {
      const candidate = new URL(`${specifier.slice(0, -3)}.ts`, context.parentURL);
      if (existsSync(candidate)) return nextResolve(candidate.href, context);
    }
    return nextResolve(specifier, context);
  },
  load(url, context, nextLoad) {
    if (!url.startsWith(packages) || !url.endsWith('.ts')) return nextLoad(url, context);
    const file = fileURLToPath(url);
    const { code } = transformSync(readFileSync(file, 'utf8'), {
      loader: 'ts',
      format: 'esm',
      target: 'es2023',
      sourcefile: file,
      sourcemap: 'inline',
      tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
    });
    return { format: 'module', source: code, shortCircuit: true };
  },
});

const { main } = await import('./runner.js');
const { TARGETS } = await import('./targets.js');
process.exitCode = await main(process.argv.slice(2), TARGETS, {
  root,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
