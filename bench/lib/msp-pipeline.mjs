// msp's generation pipeline from the built packages (`@msp/spec`, `@msp/terraform-gen`
// dist): load + validate → resolve → synthesize → render → write. The same stages as
// `msp generate`, without the CLI around them.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIST = {
  spec: join(ROOT, 'packages/spec/dist/index.js'),
  gen: join(ROOT, 'packages/terraform-gen/dist/index.js'),
};

/** The built libraries; throws with the build command when they are missing. */
export async function loadLibraries() {
  try {
    const [spec, gen] = await Promise.all([import(DIST.spec), import(DIST.gen)]);
    if (typeof gen.synthesize !== 'function')
      throw new Error('@msp/terraform-gen has no synthesize');
    return { spec, gen };
  } catch (error) {
    throw new Error(
      `cannot load the built msp libraries (${error.message}); run: npx nx run-many -t build -p spec terraform-gen`,
    );
  }
}

/**
 * Generates one service: returns its rendered files (path → text, paths relative
 * to the spec's directory). Throws listing the spec's issues when it is invalid.
 */
export async function generateService({ spec, gen }, specPath, platform) {
  const loaded = await spec.loadSpec(specPath, platform === undefined ? {} : { platform });
  if (!loaded.ok) {
    const issues = loaded.issues.map((issue) => spec.formatIssue(issue)).join('\n');
    throw new Error(`${specPath} is invalid:\n${issues}`);
  }
  const resolved = spec.resolveSpec(loaded.spec, loaded.platform, loaded.assets);
  return gen.renderStackSet(gen.synthesize(resolved, loaded.platform));
}

/** Writes rendered files under `outDir`. */
export async function writeFiles(files, outDir) {
  const dirs = new Set([...files.keys()].map((path) => dirname(join(outDir, path))));
  await Promise.all([...dirs].map((dir) => mkdir(dir, { recursive: true })));
  await Promise.all([...files].map(([path, text]) => writeFile(join(outDir, path), text)));
}
