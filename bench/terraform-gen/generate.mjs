// In-process generation time of the largest fixture (by output size):
// synthesize + render of every environment and stack, median over many runs.
//
//   node bench/terraform-gen/generate.mjs [runs]
import './ts-hooks.mjs';
import os from 'node:os';

const { synthesize, renderStackSet } = await import('@msp/terraform-gen');
const { FIXTURES } = await import('../../packages/terraform-gen/test/fixtures/index.ts');

const runs = Number(process.argv[2] ?? 500);
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
times.sort((a, b) => a - b);
const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(2);
const envs = fixture.resolved.environments.length;
console.log(
  `terraform-gen: largest fixture (${name}), ${envs} environments, ${files.size} files, ${size(files)} bytes`,
);
console.log(
  `runs ${runs}: median ${at(0.5)} ms, p95 ${at(0.95)} ms, min ${times[0].toFixed(2)} ms`,
);
console.log(
  `node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown cpu'} x${os.cpus().length}`,
);
