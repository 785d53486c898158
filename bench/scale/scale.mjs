// Scale: `msp generate` for 1, 10, 100 and 1,000 services with three environments
// each, side by side with the floor (bench/scale/floor.mjs: the same files written
// from pre-rendered documents) and the CDKTF app (bench/cdktf/src/main.ts, one app
// per service). One process per run; the three run interleaved, in a rotating order,
// so each run's ratio to the floor compares processes that saw the same machine.
// Wall time, and peak resident memory from /usr/bin/time (Debian's `time` package).
//
//   node bench/scale/scale.mjs [runs] [--json] [--sizes 1,10,100,1000]
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printArea } from '../lib/area-output.mjs';
import { mspCli } from '../lib/msp-cli.mjs';
import { formatNumber, summarize } from '../lib/stats.mjs';
import { declaredAddresses, resourceCount } from '../lib/terraform-resources.mjs';
import { runsArgument, timeProcess, wantsJson } from '../lib/timing.mjs';
import { CDKTF_ENV, ensureInstalled } from '../cdktf/install.mjs';
import { PLATFORM_CONFIG, serviceSpec } from './service-template.mjs';

const FLOOR = fileURLToPath(new URL('floor.mjs', import.meta.url));
const CDKTF_APP = fileURLToPath(new URL('../cdktf/src/main.ts', import.meta.url));
const TIME = '/usr/bin/time';
const GOAL = 1.5;
const runs = runsArgument(process.argv, 5);
const sizesFlag = process.argv.indexOf('--sizes');
const sizes = (sizesFlag === -1 ? '1,10,100,1000' : process.argv[sizesFlag + 1])
  .split(',')
  .map(Number);
const log = (message) => process.stderr.write(`[scale] ${message}\n`);
if (!existsSync(TIME)) throw new Error(`${TIME} is missing: apt-get install time`);
ensureInstalled(log);

/** Wall time (ms) and peak RSS (MB) of one process, under /usr/bin/time. */
function measure(args, options = {}) {
  const { ms, stderr } = timeProcess(TIME, ['-f', 'maxrss-kb=%M', ...args], options);
  const kb = /maxrss-kb=(\d+)\s*$/.exec(stderr)?.[1];
  if (kb === undefined) throw new Error(`no peak memory from ${TIME}:\n${stderr.slice(-500)}`);
  return { ms, mb: Number(kb) / 1024 };
}

/** Every file under `dir` as [relative path, text]. */
const filesUnder = (dir) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
    .map((file) => [relative(dir, file), readFileSync(file, 'utf8')]);

const work = mkdtempSync(join(tmpdir(), 'msp-bench-scale-'));
const results = [];
const summary = [];
const shape = {};
try {
  for (const size of sizes) {
    const specs = join(work, `specs-${size}`);
    mkdirSync(specs);
    writeFileSync(join(specs, 'msp.config.yaml'), PLATFORM_CONFIG);
    for (let n = 1; n <= size; n++) {
      mkdirSync(join(specs, `svc-${n}`));
      writeFileSync(join(specs, `svc-${n}`, 'service.yaml'), serviceSpec(n));
    }
    // msp's output once, as the floor's input: the same documents, already rendered.
    const reference = join(work, `reference-${size}`);
    timeProcess(process.execPath, mspCli(['generate', '--out', reference]), { cwd: specs });
    const files = filesUnder(reference);
    const documents = files.map(([path, text]) => [
      path,
      path.endsWith('.json') ? JSON.parse(text) : { text },
    ]);
    const documentsFile = join(work, `documents-${size}.json`);
    writeFileSync(documentsFile, JSON.stringify(documents));
    shape.files ??= files.length / size;
    shape.resources ??= resourceCount(declaredAddresses(reference, (p) => p)) / size;

    const tools = {
      floor: (out) => measure([process.execPath, FLOOR, documentsFile, out]),
      msp: (out) =>
        measure([process.execPath, ...mspCli(['generate', '--out', out])], { cwd: specs }),
      cdktf: (out) =>
        measure([process.execPath, CDKTF_APP, out, '--services', String(size)], { env: CDKTF_ENV }),
    };
    // The floor must write exactly what msp writes, or it is not the floor of this work.
    const check = join(work, `floor-check-${size}`);
    tools.floor(check);
    const floorFiles = filesUnder(check);
    if (JSON.stringify(floorFiles) !== JSON.stringify(files))
      throw new Error(`the floor's ${size}-service output differs from msp's`);
    rmSync(check, { recursive: true, force: true });

    // Fewer runs of the largest size keep the whole benchmark within its budget.
    const count = size >= 1000 ? Math.max(1, Math.ceil(runs / 2)) : runs;
    log(`${size} services: ${count} interleaved runs of the floor, msp and CDKTF`);
    const samples = { floor: [], msp: [], cdktf: [] };
    const names = Object.keys(tools);
    for (let i = 0; i < count; i++) {
      for (let k = 0; k < names.length; k++) {
        const name = names[(i + k) % names.length];
        const out = join(work, `out-${size}-${name}`);
        samples[name].push(tools[name](out));
        rmSync(out, { recursive: true, force: true });
      }
    }
    const label = `${size} service${size === 1 ? '' : 's'}`;
    const SERIES = { floor: 'floor', msp: 'msp generate', cdktf: 'CDKTF app' };
    for (const name of names) {
      const series = SERIES[name];
      results.push({
        name: `${series}, ${label}`,
        series,
        unit: 'ms',
        x: size,
        samples: samples[name].map((s) => s.ms),
      });
      results.push({
        name: `${series}, ${label}, peak memory`,
        series,
        unit: 'MB',
        x: size,
        samples: samples[name].map((s) => s.mb),
      });
    }
    for (const name of ['msp', 'cdktf']) {
      // The ratio of each run to the floor's run beside it.
      const ratios = samples[name].map((s, i) => s.ms / samples.floor[i].ms);
      results.push({
        name: `${SERIES[name]} / floor, ${label}`,
        series: `${SERIES[name]} / floor`,
        unit: '×',
        x: size,
        samples: ratios,
      });
    }
    const mspRatio = summarize(results.at(-2).samples).median;
    const mspTime = summarize(samples.msp.map((s) => s.ms)).median;
    const mspMemory = summarize(samples.msp.map((s) => s.mb)).median;
    summary.push(
      `Scale, ${label} × 3 environments: \`msp generate\` ${formatNumber(mspTime)} ms, **${formatNumber(mspRatio)}× the floor** (${mspRatio <= GOAL ? 'meets' : 'misses'} the goal of ≤ ${GOAL}×), peak memory ${formatNumber(mspMemory)} MB; the CDKTF app ${formatNumber(summarize(results.at(-1).samples).median)}× the floor.`,
    );
    rmSync(reference, { recursive: true, force: true });
    rmSync(specs, { recursive: true, force: true });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

printArea(
  {
    area: 'scale',
    title: 'Scale: msp, the floor and CDKTF',
    command: `node bench/scale/scale.mjs ${runs}`,
    description: [
      `Each service (bench/scale/service-template.mjs) has three environments (dev, staging, prod; PostgreSQL and Redis in prod): msp writes ${shape.files} files and ${shape.resources} resources and data sources per service. One \`msp generate --out\` process (the built CLI, as users run it) generates every service of a directory.`,
      'The floor (bench/scale/floor.mjs) is a plain Node script that reads the documents msp wrote, already rendered, from one JSON file, serialises them and writes the same files, byte for byte (checked before timing): what any generator of these files must at least do, start-up included.',
      'The CDKTF app (bench/cdktf/src/main.ts --services N) synthesizes its own fixture service (two environments, project, iam and cloudrun stacks, about 130 resources: less than msp writes here) once per service, one app per service, in one process.',
      'The three run interleaved in a rotating order; a ratio is the median of each run against the floor run beside it. Peak memory is the maxRSS /usr/bin/time reports.',
    ],
    summary,
    results,
  },
  wantsJson(),
);
