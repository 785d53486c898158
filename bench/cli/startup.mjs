// CLI start-up: process time of `msp --version` and `msp --help` against `node -e 0`
// (the floor: starting Node itself). Median and spread over several runs; no assertions.
// Run: npx nx run cli:bench   (builds the CLI first)   or   node bench/cli/startup.mjs [runs] [--json]
// --json prints one JSON document with the raw samples instead (bench/run.mjs reads it).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';

const json = process.argv.includes('--json');
const runs = Number(process.argv.slice(2).find((arg) => arg !== '--json') ?? 30);
const msp = fileURLToPath(new URL('../../packages/cli/bin/msp.js', import.meta.url));
if (!existsSync(fileURLToPath(new URL('../../packages/cli/dist/bundle/msp.js', import.meta.url)))) {
  console.error('build the CLI first: npx nx run cli:build');
  process.exit(1);
}

const cases = [
  ['node -e 0', ['-e', '0']],
  ['msp --version', [msp, '--version']],
  ['msp --help', [msp, '--help']],
];
// `msp validate` of one spec, once the CLI is wired to the spec library (skipped until then).
const spec = fileURLToPath(
  new URL('../../packages/spec/test/fixtures/valid/service-full/service.yaml', import.meta.url),
);
const skipped = [];
const validate = spawnSync(process.execPath, [msp, 'validate', spec], { encoding: 'utf8' });
if (validate.status === 0) cases.push(['msp validate <spec>', [msp, 'validate', spec]]);
else
  skipped.push(
    `msp validate skipped: ${(validate.stderr || validate.stdout).trim().split('\n')[0]}`,
  );

function time(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited with ${result.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
// Interleaved: each round runs every case once, so load changes hit all of them alike.
for (const [, args] of cases) for (let i = 0; i < 3; i++) time(args); // warm the file system cache
const samplesOf = cases.map(() => []);
for (let round = 0; round < runs; round++)
  cases.forEach(([, args], i) => samplesOf[i].push(time(args)));
const results = cases.map(([name], i) => {
  const samples = samplesOf[i].sort((a, b) => a - b);
  return {
    name,
    median: quantile(samples, 0.5),
    p10: quantile(samples, 0.1),
    p90: quantile(samples, 0.9),
    samples,
  };
});
const VALIDATE_GOAL = 1.5;
const validateResult = results.find((r) => r.name === 'msp validate <spec>');
const summary =
  validateResult === undefined
    ? []
    : [
        `CLI: \`msp validate <spec>\` takes **${(validateResult.median / results[0].median).toFixed(2)}× \`node -e 0\`** (${validateResult.median / results[0].median <= VALIDATE_GOAL ? 'meets' : 'misses'} the goal of ≤ ${VALIDATE_GOAL}×).`,
      ];
if (json) {
  const area = {
    area: 'cli',
    title: 'CLI start-up',
    command: `node bench/cli/startup.mjs ${runs}`,
    description: ['Every case runs once per round, rounds interleaved.', ...skipped],
    summary,
    results: results.map(({ name, samples }) => ({ name, unit: 'ms', samples })),
  };
  console.log(JSON.stringify(area));
  process.exit(0);
}
const floor = results[0].median;
for (const note of skipped) console.log(note);
console.log(
  `CLI start-up, ${runs} runs each, Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} x${cpus().length}`,
);
console.log('| command | median ms | p10–p90 ms | over node -e 0 |');
console.log('|---|---:|---:|---:|');
for (const r of results) {
  console.log(
    `| \`${r.name}\` | ${r.median.toFixed(1)} | ${r.p10.toFixed(1)}–${r.p90.toFixed(1)} | +${(r.median - floor).toFixed(1)} ms |`,
  );
}
