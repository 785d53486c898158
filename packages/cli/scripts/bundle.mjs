// Bundles the built CLI (dist/bin/msp.js, with @msp/spec, @msp/terraform-gen and yaml
// inlined) into dist/bundle/, which bin/msp.js runs. Loading a few files instead of
// about 300 modules saves most of the start-up of `msp generate`. Code splitting keeps
// each command in a chunk of its own, loaded on first use, so `msp --version` loads
// the entry alone. The licences of the bundled third-party packages go to
// dist/bundle/THIRD-PARTY-LICENSES.txt. Run after `tsc -p tsconfig.lib.json` (see the
// build target).
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const outdir = 'dist/bundle';
rmSync(new URL(`../${outdir}`, import.meta.url), { recursive: true, force: true });

const { metafile } = await build({
  absWorkingDir: packageDir,
  entryPoints: { msp: 'dist/bin/msp.js', 'generate-worker': 'dist/bin/generate-worker.js' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  chunkNames: 'chunks/[name]-[hash]',
  // Bundled CommonJS (the yaml package) requires Node built-ins, which ES modules
  // cannot do without a `require` of their own.
  banner: {
    js: "import { createRequire as __mspCreateRequire } from 'node:module';\nconst require = __mspCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
  metafile: true,
});

// Each bundled package under node_modules, with its licence text.
const packages = new Set(
  Object.keys(metafile.inputs)
    .map((input) => /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1])
    .filter((dir) => dir !== undefined),
);
const notices = [...packages].sort().map((dir) => {
  const root = join(packageDir, dir);
  const { name, version, license } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const file = readdirSync(root).find((entry) => /^licen[cs]e/i.test(entry));
  if (file === undefined || !existsSync(join(root, file)))
    throw new Error(`${name} has no licence file to ship with the bundle`);
  return `${name}@${version} (${license})\n\n${readFileSync(join(root, file), 'utf8').trim()}\n`;
});
writeFileSync(
  join(packageDir, outdir, 'THIRD-PARTY-LICENSES.txt'),
  `dist/bundle/ includes these packages:\n\n${notices.join('\n---\n\n')}`,
);
