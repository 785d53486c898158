// Lets Node run the runtime's TypeScript sources directly (Node 24 strips the
// types): relative `./x.js` imports resolve to `./x.ts`, and `@msp/spec/contract`
// and `@msp/spec/errors` to their sources. Used with `node --import` by the tests
// that start fixture services as real processes, so they need no build.
import { registerHooks } from 'node:module';

const SOURCES = {
  '@msp/spec/contract': new URL('../../../spec/src/contract/index.ts', import.meta.url).href,
  '@msp/spec/errors': new URL('../../../spec/src/errors/index.ts', import.meta.url).href,
};

registerHooks({
  resolve(specifier, context, nextResolve) {
    const source = SOURCES[specifier];
    if (source !== undefined) return { url: source, shortCircuit: true };
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      const relative = specifier.startsWith('./') || specifier.startsWith('../');
      if (error?.code === 'ERR_MODULE_NOT_FOUND' && relative && specifier.endsWith('.js')) {
        return nextResolve(`${specifier.slice(0, -3)}.ts`, context);
      }
      throw error;
    }
  },
});
