// Regenerates the files derived from the @msp/spec schema definition
// (JSON Schemas, TypeScript input types, reference docs).
// Usage: node tools/codegen/spec.mjs [--check]
// Runs on Node >= 22.18 (TypeScript type stripping). Relative ".js" imports in
// the TypeScript sources are resolved to their ".ts" files.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (
      specifier.startsWith('.') &&
      specifier.endsWith('.js') &&
      context.parentURL?.endsWith('.ts')
    ) {
      const candidate = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
      if (existsSync(fileURLToPath(candidate))) return nextResolve(candidate.href, context);
    }
    return nextResolve(specifier, context);
  },
});

const { generateSpecFiles } = await import(
  pathToFileURL(join(root, 'packages/spec/codegen/generate.ts')).href
);
const check = process.argv.includes('--check');
const stale = [];
for (const [path, content] of await generateSpecFiles()) {
  const file = join(root, path);
  const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (current === content) continue;
  stale.push(path);
  if (!check) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}
if (check && stale.length > 0) {
  console.error(`stale generated files (run: npx nx run spec:codegen):\n  ${stale.join('\n  ')}`);
  process.exit(1);
}
console.log(
  stale.length === 0
    ? 'generated files are up to date'
    : `wrote ${stale.length} file(s):\n  ${stale.join('\n  ')}`,
);
