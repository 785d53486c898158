// Measures parseSpec + validateSpec in-process on the largest spec fixture and on a
// typical one. Prints median and p95 over many runs after a warm-up.
// Usage: npx nx run spec:build && node bench/spec/parse-validate.mjs [runs] [--json]
// --json prints one JSON document with the raw samples instead (bench/run.mjs reads it).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = join(root, 'packages/spec/dist/index.js');
let spec;
try {
  spec = await import(dist);
} catch {
  console.error('build @msp/spec first: npx nx run spec:build');
  process.exit(1);
}
const { parseSpec, validateSpec, parsePlatformConfig } = spec;

const fixtures = join(root, 'packages/spec/test/fixtures');
const platform = parsePlatformConfig(
  readFileSync(join(fixtures, 'msp.config.yaml'), 'utf8'),
).config;
const specs = ['valid', 'invalid'].flatMap((kind) =>
  readdirSync(join(fixtures, kind)).map((name) => join(fixtures, kind, name, 'service.yaml')),
);
const largest = specs.reduce((a, b) => (statSync(a).size >= statSync(b).size ? a : b));
const typical = join(fixtures, 'valid/service-full/service.yaml');
const json = process.argv.includes('--json');
const runs = Number(process.argv.slice(2).find((arg) => arg !== '--json') ?? 200);

function measure(file) {
  const text = readFileSync(file, 'utf8');
  const once = () => validateSpec(parseSpec(text, 'service.yaml'), { platform });
  for (let i = 0; i < 20; i++) once(); // warm-up: JIT and the compiled schema validator
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    once();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const samples = [...times];
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return {
    file: file.slice(root.length + 1),
    kB: Math.round(text.length / 1024),
    median: at(0.5),
    p95: at(0.95),
    samples,
  };
}

if (json) {
  const results = [measure(largest), measure(typical)].map((r) => ({
    name: `${r.file} (${r.kB} kB)`,
    unit: 'ms',
    samples: r.samples,
  }));
  const command = `node bench/spec/parse-validate.mjs ${runs}`;
  const description = ['parseSpec + validateSpec in-process, after 20 warm-up runs.'];
  const area = { area: 'spec', title: 'Spec parse + validate', command, description, results };
  console.log(JSON.stringify(area));
  process.exit(0);
}

console.log(`parseSpec + validateSpec, ${runs} runs after 20 warm-up runs`);
console.log(
  `node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown cpu'} (${os.cpus().length} cores)`,
);
for (const result of [measure(largest), measure(typical)]) {
  console.log(
    `${result.file} (${result.kB} kB): median ${result.median.toFixed(2)} ms, p95 ${result.p95.toFixed(2)} ms`,
  );
}
