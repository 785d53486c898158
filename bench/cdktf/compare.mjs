// msp against CDKTF: generating the Terraform of bench/cdktf/fixture/service.yaml
// (project, iam and cloudrun stacks of two environments, 130 resources) as a whole
// process and in-process, and through the CDKTF CLI (`cdktf synth`) as users run it.
// Installs this package's dependencies on first use.
//
//   node bench/cdktf/compare.mjs [runs] [--json]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mspGenerateProcess } from '../lib/msp-cli.mjs';
import { ROOT } from '../lib/msp-pipeline.mjs';
import { formatNumber, summarize } from '../lib/stats.mjs';
import { compareAddresses, declaredAddresses, resourceCount } from '../lib/terraform-resources.mjs';
import { runsArgument, timeProcess, wantsJson } from '../lib/timing.mjs';
import { printArea } from '../lib/area-output.mjs';
import { CDKTF_ENV as env, ensureInstalled } from './install.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const spec = join(here, 'fixture/service.yaml');
const app = join(here, 'src/main.ts');
const runs = runsArgument(process.argv, 10);
// `cdktf synth` takes seconds per run: fewer runs keep the whole benchmark short.
const cliRuns = Math.min(runs, 5);
const WARMUP = 2;
const GOAL_RATIO = 100;
const log = (message) => process.stderr.write(`[cdktf] ${message}\n`);

const TYPESCRIPT_VERSION = () =>
  JSON.parse(readFileSync(join(here, 'node_modules/typescript/package.json'), 'utf8')).version;
ensureInstalled(log);

const work = mkdtempSync(join(tmpdir(), 'msp-bench-cdktf-'));
const out = (name) => join(work, name);
const msp = mspGenerateProcess(spec);
const node = (args) => timeProcess(process.execPath, args);

// `cdktf synth` as users run it, from bench/cdktf (its cdktf.json), once with the app
// run as the fast path below does and once through ts-node, which type-checks the app
// on every synth as the CLI's TypeScript template (`npx ts-node main.ts`) does. The
// app is an ES module, which ts-node handles through its ESM loader.
const cdktfCli = join(here, 'node_modules/cdktf-cli/bundle/bin/cdktf');
const CLI_VARIANTS = [
  { name: 'cdktf synth (app: node src/main.ts)', app: 'node src/main.ts' },
  {
    name: 'cdktf synth (app: ts-node, type-checked)',
    app: 'node --no-warnings --loader ts-node/esm src/main.ts',
  },
];
const cdktfSynth =
  ({ app: command }) =>
  (dir) =>
    timeProcess(process.execPath, [cdktfCli, 'synth', '--app', command, '--output', dir], {
      cwd: here,
      env,
    });

// All must declare the same resources, or the comparison means nothing.
node(msp(out('msp')));
node([app, out('cdktf')]);
CLI_VARIANTS.forEach((variant, i) => cdktfSynth(variant)(out(`cdktf-cli-${i}`)));
const mspTree = existsSync(join(out('msp'), 'msp-example'))
  ? join(out('msp'), 'msp-example')
  : out('msp');
// The CDKTF app models the project, iam and cloudrun stacks; msp also writes a
// monitoring stack (and so does more work than CDKTF in every timing below),
// which the address check leaves out.
const COMPARED_STACKS = new Set(['project', 'iam', 'cloudrun']);
const mspAddresses = new Map(
  [
    ...declaredAddresses(join(mspTree, 'terraform'), (p) =>
      p.replace(/^([^/]+)\/stacks\/([^/]+)\/.*/, '$1/$2'),
    ),
  ].filter(([stack]) => COMPARED_STACKS.has(stack.split('/')[1] ?? '')),
);
const cdktfAddresses = declaredAddresses(join(out('cdktf'), 'stacks'), (p) =>
  p.replace(/^([^-]+)-([^/]+)\/.*/, '$1/$2'),
);
const differences = [
  ...compareAddresses(mspAddresses, cdktfAddresses),
  ...CLI_VARIANTS.flatMap((variant, i) =>
    compareAddresses(
      mspAddresses,
      declaredAddresses(join(out(`cdktf-cli-${i}`), 'stacks'), (p) =>
        p.replace(/^([^-]+)-([^/]+)\/.*/, '$1/$2'),
      ),
    ).map((problem) => `${variant.name}: ${problem}`),
  ),
];
if (differences.length > 0) log(`outputs differ:\n  ${differences.join('\n  ')}`);

function processSamples(label, args, count = runs) {
  log(`${label}: ${count} processes`);
  return Array.from({ length: count }, (_, i) => {
    rmSync(out(`run-${i}`), { recursive: true, force: true });
    return args(out(`run-${i}`)).ms;
  });
}
function inProcessSamples(label, args) {
  log(`${label}: ${runs} in-process runs after ${WARMUP} warm-up`);
  return JSON.parse(node([...args, '--repeat', String(runs + WARMUP)]).stdout).slice(WARMUP);
}

/** One cold process per run, each printing its phases as JSON: samples per phase. */
function phaseSamples(label, args) {
  log(`${label}: ${runs} processes, by phase`);
  const phases = new Map();
  for (let i = 0; i < runs; i++) {
    rmSync(out('phases'), { recursive: true, force: true });
    for (const [phase, ms] of Object.entries(JSON.parse(node(args).stdout))) {
      phases.set(phase, [...(phases.get(phase) ?? []), ms]);
    }
  }
  return [...phases].map(([phase, samples]) => ({
    name: `${label}: ${PHASE_NAMES[phase] ?? phase}`,
    unit: 'ms',
    group: 'where the process time goes',
    samples,
  }));
}
const PHASE_NAMES = {
  startup: 'Node start-up',
  load: 'load @msp/spec + @msp/terraform-gen',
  validate: 'read + parse + validate the spec (cold)',
  generate: 'resolve + synthesize + render',
  write: 'write files',
  imports: 'Node start-up + load cdktf and providers',
  synth: 'build constructs + app.synth()',
};

const NAMES = {
  floor: 'node -e 0',
  msp: 'msp generate',
  app: 'CDKTF app (node main.ts)',
  mspInProcess: 'msp in-process',
  cdktfInProcess: 'CDKTF app.synth() in-process',
};
const results = [
  {
    name: NAMES.floor,
    unit: 'ms',
    group: 'process',
    samples: processSamples(NAMES.floor, () => node(['-e', '0'])),
  },
  {
    name: NAMES.msp,
    unit: 'ms',
    group: 'process',
    samples: processSamples(NAMES.msp, (dir) => node(msp(dir))),
  },
  {
    name: NAMES.app,
    unit: 'ms',
    group: 'process',
    samples: processSamples('CDKTF', (dir) => node([app, dir])),
  },
  ...CLI_VARIANTS.map((variant) => ({
    name: variant.name,
    unit: 'ms',
    group: 'process',
    samples: processSamples(variant.name, cdktfSynth(variant), cliRuns),
  })),
  {
    name: NAMES.mspInProcess,
    unit: 'ms',
    group: 'in-process',
    samples: inProcessSamples('msp', [
      join(here, '../lib/msp-generate.mjs'),
      spec,
      out('msp-repeat'),
    ]),
  },
  {
    name: NAMES.cdktfInProcess,
    unit: 'ms',
    group: 'in-process',
    samples: inProcessSamples('CDKTF', [app, out('cdktf-repeat')]),
  },
  ...phaseSamples('msp', [join(here, '../lib/msp-generate.mjs'), spec, out('phases'), '--phases']),
  ...phaseSamples('CDKTF', [app, out('phases'), '--phases']),
];
rmSync(work, { recursive: true, force: true });

// What the goal of msp 100× faster would take, against Node's own start-up.
const median = (name) => summarize(results.find((r) => r.name === name).samples).median;
const ms = (value) => `${formatNumber(value)} ms`;
const floor = median(NAMES.floor);
const targets = [
  [`\`${CLI_VARIANTS[1].name}\``, median(CLI_VARIANTS[1].name)],
  [`\`${CLI_VARIANTS[0].name}\``, median(CLI_VARIANTS[0].name)],
  [`the ${NAMES.app}`, median(NAMES.app)],
].map(([against, value]) => `${ms(value / GOAL_RATIO)} against ${against}`);
const reachable = CLI_VARIANTS.map((v) => v.name).filter(
  (name) => median(name) / GOAL_RATIO > floor,
);
const goal = [
  `What ${GOAL_RATIO}× would take: \`msp generate\` in ${targets.join(', ')}; starting Node alone (\`node -e 0\`) takes ${ms(floor)}. ${
    reachable.length === 0
      ? `No Node process can be ${GOAL_RATIO}× faster than any of them here.`
      : `Only ${reachable.map((name) => `\`${name}\``).join(' and ')} leave${reachable.length === 1 ? 's' : ''} room above Node's start-up (msp now takes ${ms(median(NAMES.msp))}).`
  }`,
  `In-process, ${GOAL_RATIO}× faster than CDKTF's app.synth() (${ms(median(NAMES.cdktfInProcess))}) means ${ms(median(NAMES.cdktfInProcess) / GOAL_RATIO)} per generation (msp: ${ms(median(NAMES.mspInProcess))}).`,
];

printArea(
  {
    area: 'generation-vs-cdktf',
    title: 'Generation: msp against CDKTF',
    command: `node bench/cdktf/compare.mjs ${runs}`,
    description: [
      `Fixture: bench/cdktf/fixture/service.yaml (apps/msp-example without LOG_LEVEL, domains and rollout, which the CDKTF app does not model): two environments, project + iam + cloudrun stacks with Redis, Cloud SQL and BigQuery; msp ${resourceCount(mspAddresses)} resources and data sources, CDKTF ${resourceCount(cdktfAddresses)}; ${differences.length === 0 ? 'the same addresses and outputs in all CDKTF runs and msp' : `${differences.length} differences (see stderr)`}.`,
      'Process: wall time of one process that generates and writes every file, start-up included. In-process: one generation (files written) after warm-up, in a long-lived process. Where the process time goes: a cold process timed from inside, stage by stage; for msp, the same pipeline as `msp generate` from the unbundled libraries (bench/lib/msp-generate.mjs: no CLI, no bundle, no conformance check), so its stages do not add up to the `msp generate` figure, which runs the bundled CLI.',
      `\`cdktf synth\` is what CDKTF users run: the CDKTF CLI (cdktf-cli 0.21.0) synthesizing the app from bench/cdktf/cdktf.json, ${cliRuns} run${cliRuns === 1 ? '' : 's'} each. With \`node src/main.ts\` as its app, it adds the CLI's start-up and child process to the app's fast path below. With ts-node (\`node --loader ts-node/esm src/main.ts\`, TypeScript ${TYPESCRIPT_VERSION()}), the app is also type-checked on every synth, as with the CLI's TypeScript template (\`cdktf init --template typescript\`), whose app is \`npx ts-node main.ts\`; ts-node's ESM loader stands in for plain \`ts-node\` because this app is an ES module.`,
      "CDKTF app (node main.ts) is CDKTF at its fastest: TypeScript through Node's built-in type stripping (no type-check, no CLI), deep imports of single resource classes from @cdktf/provider-google, and values written out in code instead of read from the spec.",
      ...goal,
    ],
    summary: goal,
    results,
    ratios: [
      {
        name: 'process, cdktf synth (ts-node) / msp generate',
        numerator: CLI_VARIANTS[1].name,
        denominator: NAMES.msp,
      },
      {
        name: 'process, cdktf synth / msp generate',
        numerator: CLI_VARIANTS[0].name,
        denominator: NAMES.msp,
      },
      {
        name: 'process, CDKTF app at its fastest / msp generate',
        numerator: NAMES.app,
        denominator: NAMES.msp,
      },
      {
        name: 'in-process, CDKTF / msp',
        numerator: NAMES.cdktfInProcess,
        denominator: NAMES.mspInProcess,
      },
    ],
  },
  wantsJson(),
);
