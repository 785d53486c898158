// Lets Node run the TypeScript sources directly (no build): relative `.js`
// imports resolve to `.ts` files, `@msp/spec` resolves to its sources, and
// TypeScript is transformed with Node's built-in type stripping.
import fs from 'node:fs';
import { registerHooks, stripTypeScriptTypes } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const aliases = {
  '@msp/spec': 'packages/spec/src/index.ts',
  '@msp/spec/contract': 'packages/spec/src/contract/index.ts',
  '@msp/spec/errors': 'packages/spec/src/errors/index.ts',
  '@msp/terraform-gen': 'packages/terraform-gen/src/index.ts',
};

registerHooks({
  resolve(specifier, context, next) {
    const alias = aliases[specifier];
    if (alias) return { url: pathToFileURL(path.join(root, alias)).href, shortCircuit: true };
    if (
      specifier.startsWith('.') &&
      specifier.endsWith('.js') &&
      context.parentURL?.endsWith('.ts')
    ) {
      const ts = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
      if (fs.existsSync(fileURLToPath(ts))) return { url: ts.href, shortCircuit: true };
    }
    return next(specifier, context);
  },
  load(url, context, next) {
    if (!url.endsWith('.ts')) return next(url, context);
    const source = fs.readFileSync(fileURLToPath(url), 'utf8');
    return {
      format: 'module',
      source: stripTypeScriptTypes(source, { mode: 'transform' }),
      shortCircuit: true,
    };
  },
});
