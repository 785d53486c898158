// Runs msp's generation pipeline on one spec from the built libraries, as a process of
// its own (what `msp generate` does, without the CLI around it).
//
//   node bench/lib/msp-generate.mjs <service.yaml> <outdir>                one generation
//   node bench/lib/msp-generate.mjs <service.yaml> <outdir> --repeat 20    JSON array of in-process times (ms)
import { rm } from 'node:fs/promises';
import { generateService, loadLibraries, writeFiles } from './msp-pipeline.mjs';
import { elapsedMs } from './timing.mjs';

const [specPath, outDir, flag, count] = process.argv.slice(2);
if (specPath === undefined || outDir === undefined) {
  console.error('usage: node bench/lib/msp-generate.mjs <service.yaml> <outdir> [--repeat <n>]');
  process.exit(2);
}
const libraries = await loadLibraries();
const once = async () => writeFiles(await generateService(libraries, specPath), outDir);

if (flag === '--repeat') {
  const times = [];
  for (let i = 0; i < Number(count ?? 20); i++) {
    await rm(outDir, { recursive: true, force: true });
    const start = process.hrtime.bigint();
    await once();
    times.push(elapsedMs(start));
  }
  console.log(JSON.stringify(times));
} else {
  await once();
}
