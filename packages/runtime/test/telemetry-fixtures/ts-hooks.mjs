// Lets a Node 24 child process run the runtime's TypeScript sources without a
// build: Node strips the types itself; this hook maps the `.js` specifiers the
// sources use to their `.ts` files, and `@msp/spec/contract` and `@msp/spec/errors`
// to their sources.
// Use: node --import ./test/telemetry-fixtures/ts-hooks.mjs fixture.mjs
import { existsSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';

const SOURCES = {
  '@msp/spec/contract': new URL('../../../spec/src/contract/index.ts', import.meta.url).href,
  '@msp/spec/errors': new URL('../../../spec/src/errors/index.ts', import.meta.url).href,
};

registerHooks({
  resolve(specifier, context, nextResolve) {
    const mapped = SOURCES[specifier];
    if (mapped !== undefined) return { url: mapped, shortCircuit: true };
    if (specifier.startsWith('.') && specifier.endsWith('.js') && context.parentURL !== undefined) {
      const source = new URL(`${specifier.slice(0, -'.js'.length)}.ts`, context.parentURL);
      if (existsSync(fileURLToPath(source))) return { url: source.href, shortCircuit: true };
    }
    return nextResolve(specifier, context);
  },
});
