// The one benchmark command: builds what the benchmarks load, runs every area script
// under bench/ that exists (skipping missing ones), and writes docs/performance.md
// with SVG charts in docs/performance/.
//
//   npm run bench                     full run (about 12 minutes on 2 cores)
//   npm run bench -- --quick          few runs, for trying things out
//   npm run bench -- --only scale,cli --no-build
//   npm run bench -- --only none --no-build   the page again from bench/results/, measuring nothing
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AREAS } from './lib/areas.mjs';
import { describeMachine } from './lib/machine.mjs';
import { ROOT } from './lib/msp-pipeline.mjs';
import { renderReport } from './lib/report.mjs';
import { elapsedMs } from './lib/timing.mjs';

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    out: { type: 'string', default: 'docs/performance.md' },
  },
});
// An area's time limit, unless bench/lib/areas.mjs gives it one (timeoutMinutes).
const AREA_TIMEOUT_MINUTES = 10;
const started = process.hrtime.bigint();
const log = (message) =>
  process.stderr.write(
    `[bench ${(elapsedMs(started) / 1000).toFixed(0).padStart(4)} s] ${message}\n`,
  );

function build() {
  const projects = ['spec', 'terraform-gen', 'runtime', 'cli'].filter((p) =>
    existsSync(join(ROOT, 'packages', p, 'project.json')),
  );
  log(`building ${projects.join(', ')}`);
  const nxPackage = join(ROOT, 'node_modules/nx/package.json');
  const nx = join(nxPackage, '..', JSON.parse(readFileSync(nxPackage, 'utf8')).bin.nx);
  const result = spawnSync(
    process.execPath,
    [nx, 'run-many', '-t', 'build', '-p', ...projects, '--outputStyle=static'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false' },
    },
  );
  if (result.status !== 0) throw new Error('the build failed; run: npx nx run-many -t build');
}

/** The area's JSON document from its stdout, or undefined when it printed something else. */
function parseArea(stdout) {
  for (const line of stdout.trim().split('\n').reverse()) {
    try {
      const doc = JSON.parse(line);
      if (Array.isArray(doc?.results)) return doc;
    } catch {
      // not the JSON line
    }
  }
  return undefined;
}

function runArea(def) {
  const script = join(ROOT, def.script);
  if (!existsSync(script)) {
    log(`${def.id}: skipped (${def.script} is not here)`);
    return { def, status: 'skipped' };
  }
  const args = [...def.args[flags.quick ? 'quick' : 'full'], '--json'];
  const command = `node ${def.script} ${args.slice(0, -1).join(' ')}`.trim();
  log(`${def.id}: ${command}`);
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [script, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    timeout: (def.timeoutMinutes ?? AREA_TIMEOUT_MINUTES) * 60_000,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const seconds = elapsedMs(start) / 1000;
  log(`${def.id}: done in ${seconds.toFixed(1)} s`);
  if (result.status !== 0) {
    // Not result.error.message: it names the Node binary's path on this machine.
    const why =
      result.error?.code === 'ETIMEDOUT'
        ? `timed out after ${def.timeoutMinutes ?? AREA_TIMEOUT_MINUTES} min (timeoutMinutes in bench/lib/areas.mjs)`
        : result.error !== undefined
          ? `could not run (${result.error.code ?? 'error'})`
          : result.signal !== null
            ? `killed by ${result.signal}`
            : `exit code ${result.status}`;
    return { def, status: 'failed', error: `${command}: ${why}\n${result.stdout.slice(-2000)}` };
  }
  const data = parseArea(result.stdout);
  if (data === undefined) return { def, status: 'text', raw: result.stdout, command };
  return { def, status: 'ok', data, command };
}

// Every area's last document is kept in bench/results/<id>.json, with when and where
// it was measured: a run with --only measures those areas and reports the others
// from their saved documents, marked with their date.
const RESULTS = join(ROOT, 'bench', 'results');
const savedRun = (def) => {
  const file = join(RESULTS, `${def.id}.json`);
  if (!existsSync(file)) return { def, status: 'skipped' };
  const saved = JSON.parse(readFileSync(file, 'utf8'));
  return {
    def,
    status: 'ok',
    data: saved.data,
    command: saved.command,
    measuredAt: saved.date,
    machine: saved.machine,
  };
};
const only = flags.only?.split(',');
const machine = describeMachine();
if (!flags['no-build']) build();
const measuredAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
const runs = AREAS.map((def) => {
  if (only !== undefined && !only.includes(def.id)) return savedRun(def);
  const run = runArea(def);
  if (run.status === 'ok' && !flags.quick) {
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(
      join(RESULTS, `${def.id}.json`),
      `${JSON.stringify({ date: measuredAt, machine, command: run.command, data: run.data })}\n`,
    );
  }
  return run;
});

const invocation = `npm run bench${flags.quick ? ' -- --quick' : ''}`;
// Nothing measured (--only none): the page is written again from the saved results, with
// the date and machine of the latest of them.
const latest = runs.every((run) => run.measuredAt !== undefined || run.status === 'skipped')
  ? runs
      .filter((run) => run.measuredAt !== undefined)
      .sort((a, b) => (a.measuredAt < b.measuredAt ? 1 : -1))[0]
  : undefined;
const { markdown, charts } = renderReport({
  machine: latest?.machine ?? machine,
  date: latest?.measuredAt ?? measuredAt,
  command: invocation,
  quick: flags.quick,
  runs,
  seconds: latest === undefined ? elapsedMs(started) / 1000 : undefined,
  ...(existsSync(join(ROOT, 'bench', 'notes.md'))
    ? { notes: readFileSync(join(ROOT, 'bench', 'notes.md'), 'utf8') }
    : {}),
});
const outFile = resolve(ROOT, flags.out);
const chartDir = join(outFile, '..', 'performance');
mkdirSync(chartDir, { recursive: true });
for (const old of readdirSync(chartDir).filter((f) => f.endsWith('.svg')))
  rmSync(join(chartDir, old));
for (const chart of charts) writeFileSync(join(chartDir, chart.file), chart.svg);
// Formatted like every other file, so `prettier --check .` passes on the generated page.
const prettier = await import('prettier');
const options = (await prettier.resolveConfig(outFile)) ?? {};
writeFileSync(outFile, await prettier.format(markdown, { ...options, filepath: outFile }));
log(`wrote ${flags.out} and ${charts.length} charts in ${join(flags.out, '..', 'performance')}/`);
const failed = runs.filter((r) => r.status === 'failed');
if (failed.length > 0) {
  log(`failed: ${failed.map((r) => r.def.id).join(', ')}`);
  process.exitCode = 1;
}
