// Runs msp's generation pipeline on one spec from the built libraries, as a process of
// its own (what `msp generate` does, without the CLI around it).
//
//   node bench/lib/msp-generate.mjs <service.yaml> <outdir>                one generation
//   node bench/lib/msp-generate.mjs <service.yaml> <outdir> --repeat 20    JSON array of in-process times (ms)
//   node bench/lib/msp-generate.mjs <service.yaml> <outdir> --phases       JSON: where one cold run's time goes (ms)
import { rm } from 'node:fs/promises';
import { generateService, loadLibraries, writeFiles } from './msp-pipeline.mjs';
import { elapsedMs } from './timing.mjs';

const [specPath, outDir, flag, count] = process.argv.slice(2);
if (specPath === undefined || outDir === undefined) {
  console.error(
    'usage: node bench/lib/msp-generate.mjs <service.yaml> <outdir> [--repeat <n> | --phases]',
  );
  process.exit(2);
}

/** Milliseconds of `fn`, and its value. */
async function timed(fn) {
  const start = process.hrtime.bigint();
  const value = await fn();
  return [elapsedMs(start), value];
}

if (flag === '--phases') {
  // Node start-up before this module runs, then each stage of one cold generation.
  const startup = performance.now();
  const [load, libraries] = await timed(loadLibraries);
  const { spec, gen } = libraries;
  const [validate, loaded] = await timed(() => spec.loadSpec(specPath));
  if (!loaded.ok) throw new Error(`${specPath} is invalid`);
  const [generate, files] = await timed(() =>
    gen.renderStackSet(
      gen.synthesize(
        spec.resolveSpec(loaded.spec, loaded.platform, loaded.assets),
        loaded.platform,
      ),
    ),
  );
  const [write] = await timed(() => writeFiles(files, outDir));
  console.log(JSON.stringify({ startup, load, validate, generate, write }));
} else {
  const libraries = await loadLibraries();
  const once = async () => writeFiles(await generateService(libraries, specPath), outDir);
  if (flag === '--repeat') {
    const times = [];
    for (let i = 0; i < Number(count ?? 20); i++) {
      await rm(outDir, { recursive: true, force: true });
      times.push((await timed(once))[0]);
    }
    console.log(JSON.stringify(times));
  } else {
    await once();
  }
}
