// msp against CDKTF: generating the Terraform of bench/cdktf/fixture/service.yaml
// (project, iam and cloudrun stacks of two environments, 130 resources) as a whole
// process and in-process. Installs this package's dependencies on first use.
//
//   node bench/cdktf/compare.mjs [runs] [--json]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mspGenerateProcess } from '../lib/msp-cli.mjs';
import { compareAddresses, declaredAddresses, resourceCount } from '../lib/terraform-resources.mjs';
import { runsArgument, timeProcess, wantsJson } from '../lib/timing.mjs';
import { printArea } from '../lib/area-output.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const spec = join(here, 'fixture/service.yaml');
const app = join(here, 'src/main.ts');
const runs = runsArgument(process.argv, 10);
const WARMUP = 2;
const log = (message) => process.stderr.write(`[cdktf] ${message}\n`);

if (!existsSync(join(here, 'node_modules/cdktf'))) {
  log('installing CDKTF (npm ci --prefix bench/cdktf) …');
  const result = spawnSync('npm', ['ci', '--prefix', here, '--no-audit', '--no-fund'], {
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('npm ci --prefix bench/cdktf failed');
}

const work = mkdtempSync(join(tmpdir(), 'msp-bench-cdktf-'));
const out = (name) => join(work, name);
const msp = mspGenerateProcess(spec);
const node = (args) => timeProcess(process.execPath, args);

// Both must declare the same resources, or the comparison means nothing.
node(msp.args(out('msp')));
node([app, out('cdktf')]);
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
const differences = compareAddresses(mspAddresses, cdktfAddresses);
if (differences.length > 0) log(`outputs differ:\n  ${differences.join('\n  ')}`);

function processSamples(label, args) {
  log(`${label}: ${runs} processes`);
  return Array.from({ length: runs }, (_, i) => {
    rmSync(out(`run-${i}`), { recursive: true, force: true });
    return node(args(out(`run-${i}`))).ms;
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

const results = [
  {
    name: 'node -e 0',
    unit: 'ms',
    group: 'process',
    samples: processSamples('node -e 0', () => ['-e', '0']),
  },
  { name: msp.label, unit: 'ms', group: 'process', samples: processSamples(msp.label, msp.args) },
  {
    name: 'CDKTF app (node main.ts)',
    unit: 'ms',
    group: 'process',
    samples: processSamples('CDKTF', (dir) => [app, dir]),
  },
  {
    name: 'msp in-process',
    unit: 'ms',
    group: 'in-process',
    samples: inProcessSamples('msp', [
      join(here, '../lib/msp-generate.mjs'),
      spec,
      out('msp-repeat'),
    ]),
  },
  {
    name: 'CDKTF app.synth() in-process',
    unit: 'ms',
    group: 'in-process',
    samples: inProcessSamples('CDKTF', [app, out('cdktf-repeat')]),
  },
  ...phaseSamples('msp', [join(here, '../lib/msp-generate.mjs'), spec, out('phases'), '--phases']),
  ...phaseSamples('CDKTF', [app, out('phases'), '--phases']),
];
rmSync(work, { recursive: true, force: true });

printArea(
  {
    area: 'generation-vs-cdktf',
    title: 'Generation: msp against CDKTF',
    command: `node bench/cdktf/compare.mjs ${runs}`,
    description: [
      `Fixture: bench/cdktf/fixture/service.yaml (apps/msp-example without LOG_LEVEL, domains and rollout, which the CDKTF app does not model): two environments, project + iam + cloudrun stacks with Redis, Cloud SQL and BigQuery; msp ${resourceCount(mspAddresses)} resources and data sources, CDKTF ${resourceCount(cdktfAddresses)}; ${differences.length === 0 ? 'the same addresses and outputs in both' : `${differences.length} differences (see stderr)`}.`,
      'Process: wall time of one `node` process that generates and writes every file, start-up included. In-process: one generation (files written) after warm-up, in a long-lived process. Where the process time goes: the same cold process timed from inside, stage by stage.',
      "CDKTF runs at its fastest: TypeScript through Node's built-in type stripping (no ts-node, no `cdktf synth` CLI), deep imports of single resource classes from @cdktf/provider-google, and values written out in code instead of read from the spec.",
      ...(msp.note ? [msp.note] : []),
    ],
    results,
    ratios: [
      { name: 'process: CDKTF / msp', numerator: results[2].name, denominator: results[1].name },
      { name: 'in-process: CDKTF / msp', numerator: results[4].name, denominator: results[3].name },
    ],
  },
  wantsJson(),
);
