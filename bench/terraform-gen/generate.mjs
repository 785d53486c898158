// In-process generation time of the largest fixture (by output size):
// synthesize + render of every environment and stack, median over many runs.
//
//   node bench/terraform-gen/generate.mjs [runs] [--json]
//
// --json prints one JSON document with the raw samples (the bench/README.md
// convention that bench/run.mjs reads) instead of the summary lines.
import './ts-hooks.mjs';
import os from 'node:os';
import { printArea } from '../lib/area-output.mjs';

const { synthesize, renderStackSet } = await import('@msp/terraform-gen');
const { FIXTURES } = await import('../../packages/terraform-gen/test/fixtures/index.ts');

const args = process.argv.slice(2);
const json = args.includes('--json');
const runs = Number(args.find((a) => a !== '--json') ?? 500);
const render = (f) =>
  renderStackSet(synthesize(f.resolved, f.platform, { imageTags: f.imageTags }));
const size = (files) => [...files.values()].reduce((n, s) => n + s.length, 0);
const [name, fixture] = Object.entries(FIXTURES)
  .map(([n, f]) => [n, f, size(render(f))])
  .sort((a, b) => b[2] - a[2])[0];
const generate = () => render(fixture);

let files = generate();
for (let i = 0; i < 50; i++) files = generate(); // warm-up
const times = [];
for (let i = 0; i < runs; i++) {
  const start = process.hrtime.bigint();
  generate();
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
}
const envs = fixture.resolved.environments.length;
if (json) {
  printArea(
    {
      area: 'terraform-gen',
      title: 'Generation in-process: largest fixture',
      command: `node bench/terraform-gen/generate.mjs ${runs}`,
      description: [
        `The largest terraform-gen test fixture (${name}): ${envs} environments, ${files.size} files, ${size(files)} bytes of Terraform JSON. One sample is synthesize + render of every environment and stack, in a warm process (no file writes).`,
      ],
      results: [{ name: `synthesize + render (${name})`, unit: 'ms', samples: times }],
    },
    true,
  );
  process.exit(0);
}
times.sort((a, b) => a - b);
const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(2);
console.log(
  `terraform-gen: largest fixture (${name}), ${envs} environments, ${files.size} files, ${size(files)} bytes`,
);
console.log(
  `runs ${runs}: median ${at(0.5)} ms, p95 ${at(0.95)} ms, min ${times[0].toFixed(2)} ms`,
);
console.log(
  `node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown cpu'} x${os.cpus().length}`,
);
