// Validates, resolves and generates every service.yaml under a directory, writing the
// Terraform to an output directory, then prints { files, bytes, maxRSSMB } as JSON.
// One process per run, so the peak memory (maxRSS) is this workload's alone.
//
//   node bench/scale/generate-all.mjs <specs dir> <outdir>
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { generateService, loadLibraries, writeFiles } from '../lib/msp-pipeline.mjs';

const [specsDir, outDir] = process.argv.slice(2);
if (specsDir === undefined || outDir === undefined) {
  console.error('usage: node bench/scale/generate-all.mjs <specs dir> <outdir>');
  process.exit(2);
}
const libraries = await loadLibraries();
const { config: platform } = await libraries.spec.loadPlatformConfig(specsDir);
const services = readdirSync(specsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

let files = 0;
let bytes = 0;
for (const service of services) {
  const rendered = await generateService(
    libraries,
    join(specsDir, service, 'service.yaml'),
    platform,
  );
  await writeFiles(rendered, join(outDir, service));
  files += rendered.size;
  for (const text of rendered.values()) bytes += text.length;
}
// maxRSS is in kilobytes.
const maxRSSMB = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ services: services.length, files, bytes, maxRSSMB }));
