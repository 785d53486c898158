// Scale: msp validating, resolving and generating 1, 10, 100 and 1,000 services with
// three environments each, one process per run: wall time and peak memory (maxRSS).
//
//   node bench/scale/scale.mjs [runs] [--json] [--sizes 1,10,100,1000]
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printArea } from '../lib/area-output.mjs';
import { runsArgument, timeProcess, wantsJson } from '../lib/timing.mjs';
import { PLATFORM_CONFIG, serviceSpec } from './service-template.mjs';

const script = fileURLToPath(new URL('generate-all.mjs', import.meta.url));
const runs = runsArgument(process.argv, 5);
const sizesFlag = process.argv.indexOf('--sizes');
const sizes = (sizesFlag === -1 ? '1,10,100,1000' : process.argv[sizesFlag + 1])
  .split(',')
  .map(Number);
const log = (message) => process.stderr.write(`[scale] ${message}\n`);

const work = mkdtempSync(join(tmpdir(), 'msp-bench-scale-'));
const results = [];
let perService;
try {
  for (const size of sizes) {
    const specs = join(work, `specs-${size}`);
    mkdirSync(specs);
    writeFileSync(join(specs, 'msp.config.yaml'), PLATFORM_CONFIG);
    for (let n = 1; n <= size; n++) {
      mkdirSync(join(specs, `svc-${n}`));
      writeFileSync(join(specs, `svc-${n}`, 'service.yaml'), serviceSpec(n));
    }
    // Fewer runs of the largest size keep the whole benchmark within its budget.
    const count = size >= 1000 ? Math.max(1, Math.ceil(runs / 2)) : runs;
    log(`${size} services: ${count} runs`);
    const time = [];
    const memory = [];
    for (let i = 0; i < count; i++) {
      const out = join(work, `out-${size}-${i}`);
      const { ms, stdout } = timeProcess(process.execPath, [script, specs, out]);
      const report = JSON.parse(stdout);
      time.push(ms);
      memory.push(report.maxRSSMB);
      perService ??= report.files / report.services;
      rmSync(out, { recursive: true, force: true });
    }
    const label = `${size} service${size === 1 ? '' : 's'}`;
    results.push({ name: label, series: 'wall time', unit: 'ms', x: size, samples: time });
    results.push({
      name: label,
      series: 'peak memory (maxRSS)',
      unit: 'MB',
      x: size,
      samples: memory,
    });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

// Cost of one more service: the slope between the smallest and the largest size.
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const times = results.filter((r) => r.unit === 'ms');
const [first, last] = [times[0], times.at(-1)];
const marginal =
  first && last && last.x > first.x
    ? ` One more service costs about ${((median(last.samples) - median(first.samples)) / (last.x - first.x)).toFixed(1)} ms (the slope from ${first.x} to ${last.x} services).`
    : '';

printArea(
  {
    area: 'scale',
    title: 'Scale: many services',
    command: `node bench/scale/scale.mjs ${runs}`,
    description: [
      `Each service (bench/scale/service-template.mjs) has three environments (dev, staging, prod; PostgreSQL and Redis in prod) and yields ${perService} files. One process per run loads the libraries and the platform config once, then validates, resolves, generates and writes every service in turn; the figures are its wall time (start-up included) and peak resident memory.${marginal}`,
    ],
    results,
  },
  wantsJson(),
);
