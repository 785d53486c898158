// Runtime benchmarks: cold start to the first healthy /-/healthz (of the full
// server as it is and bundled the way apps/msp-example ships), request
// throughput with tracing on, and idle memory, each against a bare node:http
// server and against the peer: the same server instrumented the common way
// (NodeSDK + auto-instrumentations-node + @sentry/node, servers/peer-instrument.mjs). Needs PostgreSQL and Redis (PGHOST/PGPORT/PGUSER/PGDATABASE,
// REDIS_URL; local defaults) and a build: `npx nx run runtime:build`.
// Run: npx node bench/runtime/run.mjs [--runs 10] [--seconds 5] [--repeat 1] [--env KEY=VALUE,...] [--only throughput] [--json]
// --env adds variables to the full server and the peer (for example OTEL_TRACES_SAMPLER=traceidratio,OTEL_TRACES_SAMPLER_ARG=0.1).
// Bare, full and peer runs alternate, so a change in the machine's load hits both alike. --repeat runs each
// throughput measurement that many times. --json prints one JSON document (bench/README.md) on stdout
// and the progress on stderr.
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { bundle } from '../../apps/msp-example/bundle.mjs';
import { printArea } from '../lib/area-output.mjs';

const json = process.argv.includes('--json');
const args = new Map(
  process.argv
    .slice(2)
    .filter((a) => a !== '--json')
    .flatMap((a, i, all) => (a.startsWith('--') ? [[a.slice(2), all[i + 1]]] : [])),
);
const RUNS = Number(args.get('runs') ?? 10);
const SECONDS = Number(args.get('seconds') ?? 5);
const REPEAT = Number(args.get('repeat') ?? 1);
// With --json, stdout carries only the JSON document.
const log = json ? (...parts) => console.error(...parts) : (...parts) => console.log(...parts);
const CONCURRENCY = 32;
let nextPort = 19_100;

// A sink for OTLP and Sentry, so exporting costs what it would.
const sink = spawn(
  process.execPath,
  [fileURLToPath(new URL('servers/sink.mjs', import.meta.url))],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const sinkPort = await new Promise((resolve) =>
  sink.stdout.on('data', (chunk) => {
    const match = /listening (\d+)/.exec(String(chunk));
    if (match) resolve(Number(match[1]));
  }),
);
const sinkUrl = `http://127.0.0.1:${sinkPort}`;

const fullEnv = {
  PGHOST: process.env.PGHOST ?? '127.0.0.1',
  PGPORT: process.env.PGPORT ?? '5432',
  PGUSER: process.env.PGUSER ?? 'postgres',
  PGDATABASE: process.env.PGDATABASE ?? 'test',
  REDIS_ENDPOINT: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  OTEL_EXPORTER_OTLP_ENDPOINT: sinkUrl,
  SENTRY_DSN: `http://key@${sinkUrl.slice('http://'.length)}/1`,
};
for (const pair of (args.get('env') ?? '').split(',').filter(Boolean)) {
  const [key, ...value] = pair.split('=');
  fullEnv[key] = value.join('=');
}
const dataEnv = Object.fromEntries(
  Object.entries(fullEnv).filter(([key]) => key.startsWith('PG') || key === 'REDIS_ENDPOINT'),
);
// The full server bundled with the example's own bundle() (into dist/, beside
// node_modules, so the modules the bundle leaves out still resolve).
await bundle({
  entryPoints: { full: fileURLToPath(new URL('servers/full.mjs', import.meta.url)) },
  outdir: fileURLToPath(new URL('dist/', import.meta.url)),
});
const scripts = {
  bare: new URL('servers/bare.mjs', import.meta.url),
  full: new URL('servers/full.mjs', import.meta.url),
  bundled: new URL('dist/full.js', import.meta.url),
  peer: new URL('servers/peer.mjs', import.meta.url),
};
// The peer exports traces and metrics, as the runtime does, and no logs (the runtime writes them to stdout).
const peerEnv = { ...fullEnv, OTEL_LOGS_EXPORTER: 'none' };
const variants = { bare: dataEnv, full: fullEnv, bundled: fullEnv, peer: peerEnv };
const nodeArgs = {
  peer: ['--import', fileURLToPath(new URL('servers/peer-instrument.mjs', import.meta.url))],
};
const only = args.get('only');

function start(name) {
  const port = nextPort++;
  const script = fileURLToPath(scripts[name]);
  const started = performance.now();
  const child = spawn(process.execPath, ['--expose-gc', ...(nodeArgs[name] ?? []), script], {
    env: { PATH: process.env.PATH, PORT: String(port), ...variants[name] },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return { child, port, started };
}

function get(port, path, agent) {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, agent }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c)).on('end', () => resolve({ status: res.statusCode, body }));
    })
      .on('error', reject)
      .end();
  });
}

async function waitHealthy(port) {
  for (;;) {
    try {
      if ((await get(port, '/-/healthz')).status === 200) return;
    } catch {
      await new Promise((r) => setTimeout(r, 2));
    }
  }
}

async function stop(child) {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function coldStartOnce(name) {
  const { child, port, started } = start(name);
  await waitHealthy(port);
  const ms = performance.now() - started;
  await stop(child);
  return ms;
}

/** Cold-start samples of every variant, taking turns. */
async function coldStarts() {
  const times = { bare: [], full: [], bundled: [], peer: [] };
  for (let i = 0; i < RUNS; i++) {
    for (const name of Object.keys(times)) times[name].push(await coldStartOnce(name));
  }
  return times;
}

/** Requests per second, and the server's own CPU time per request (stable on a shared machine). */
async function throughput(name, path) {
  const { child, port } = start(name);
  await waitHealthy(port);
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const cpu = async () => {
    const { user, system } = JSON.parse((await get(port, '/-/cpu', agent)).body);
    return user + system;
  };
  const cpuBefore = await cpu();
  const deadline = performance.now() + SECONDS * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        await get(port, path, agent);
        done++;
      }
    }),
  );
  const cpuPerRequest = ((await cpu()) - cpuBefore) / done;
  agent.destroy();
  await stop(child);
  return { rps: done / SECONDS, cpuPerRequest };
}

async function idleMemory(name) {
  const { child, port } = start(name);
  await waitHealthy(port);
  await new Promise((r) => setTimeout(r, 2000));
  const rss = Number((await get(port, '/-/mem')).body);
  await stop(child);
  return rss / 1024 / 1024;
}

const results = [];
const record = (name, series, unit, group, samples) =>
  results.push({ name, series, unit, group, samples });
log(
  `node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model}), runs=${RUNS}, seconds=${SECONDS}, repeat=${REPEAT}`,
);
const wanted = (name) => only === undefined || only === name;
if (wanted('cold')) {
  const cold = await coldStarts();
  record('cold start, bare', 'bare', 'ms', 'cold start', cold.bare);
  record('cold start, full', 'full', 'ms', 'cold start', cold.full);
  record('cold start, full bundled', 'bundled', 'ms', 'cold start', cold.bundled);
  record('cold start, peer', 'peer', 'ms', 'cold start', cold.peer);
  const [bare, full, bundled, peer] = [cold.bare, cold.full, cold.bundled, cold.peer].map(median);
  log(
    `cold start to healthy /-/healthz (median): bare ${bare.toFixed(0)} ms, full ${full.toFixed(0)} ms (${(full / bare).toFixed(2)}x), full bundled ${bundled.toFixed(0)} ms (${(bundled / bare).toFixed(2)}x; goal <= 1.6x), peer ${peer.toFixed(0)} ms (${(peer / bare).toFixed(2)}x)`,
  );
}
if (wanted('throughput')) {
  for (const [route, what] of [
    ['/hello', 'a trivial route'],
    ['/work', 'one pg query + one Redis PING'],
  ]) {
    const runs = { bare: [], full: [], peer: [] };
    for (let i = 0; i < REPEAT; i++) {
      for (const name of Object.keys(runs)) runs[name].push(await throughput(name, route));
    }
    for (const name of Object.keys(runs)) {
      record(
        `${route} req/s, ${name}`,
        name,
        'req/s',
        `${route} throughput`,
        runs[name].map((r) => r.rps),
      );
      record(
        `${route} CPU/request, ${name}`,
        name,
        'µs',
        `${route} server CPU per request`,
        runs[name].map((r) => r.cpuPerRequest),
      );
    }
    const m = (name, key) => median(runs[name].map((r) => r[key]));
    log(
      `throughput, ${what} (${CONCURRENCY} keep-alive clients): bare ${m('bare', 'rps').toFixed(0)} req/s, traced ${m('full', 'rps').toFixed(0)} req/s, ratio ${(m('full', 'rps') / m('bare', 'rps')).toFixed(2)}x (goal >= 0.8x)`,
    );
    log(
      `  server CPU per request: bare ${m('bare', 'cpuPerRequest').toFixed(1)} µs, traced ${m('full', 'cpuPerRequest').toFixed(1)} µs, capacity ratio ${(m('bare', 'cpuPerRequest') / m('full', 'cpuPerRequest')).toFixed(2)}x`,
    );
    log(
      `  peer (NodeSDK + auto-instrumentations + @sentry/node): ${m('peer', 'rps').toFixed(0)} req/s, ${m('peer', 'cpuPerRequest').toFixed(1)} µs CPU/request; runtime vs peer capacity ${(m('peer', 'cpuPerRequest') / m('full', 'cpuPerRequest')).toFixed(2)}x (goal >= 1.3x)`,
    );
  }
}
if (wanted('memory')) {
  const mem = {
    bare: await idleMemory('bare'),
    full: await idleMemory('full'),
    peer: await idleMemory('peer'),
  };
  for (const name of Object.keys(mem))
    record(`idle RSS, ${name}`, name, 'MiB', 'idle memory', [mem[name]]);
  log(
    `idle RSS after GC: bare ${mem.bare.toFixed(1)} MiB, full ${mem.full.toFixed(1)} MiB, peer ${mem.peer.toFixed(1)} MiB`,
  );
}
sink.kill('SIGTERM');

/** Sentences for the page's summary: each goal of issue 20 that this run measured, met or not. */
function goalSummary() {
  const sampler =
    args.get('env') ??
    "OpenTelemetry's default sampler (parentbased_always_on: every trace sampled)";
  const medianOf = (name) => {
    const found = results.find((r) => r.name === name);
    return found === undefined ? undefined : median(found.samples);
  };
  const lines = [];
  const verdict = (ok) => (ok ? 'meets' : 'misses');
  const [bundled, bare] = [medianOf('cold start, full bundled'), medianOf('cold start, bare')];
  if (bundled !== undefined && bare !== undefined)
    lines.push(
      `Runtime cold start, bundled, everything on: ${(bundled / bare).toFixed(2)}× bare (${verdict(bundled / bare <= 1.6)} the goal of ≤ 1.6×).`,
    );
  for (const route of ['/hello', '/work']) {
    const cpu = (name) => medianOf(`${route} CPU/request, ${name}`);
    const [b, f, p] = [cpu('bare'), cpu('full'), cpu('peer')];
    if (b === undefined || f === undefined || p === undefined) continue;
    lines.push(
      `Runtime ${route} at ${sampler}: capacity ${(b / f).toFixed(2)}× bare, ${(p / f).toFixed(2)}× the peer (NodeSDK + auto-instrumentations + @sentry/node; ${verdict(p / f >= 1.3)} the goal of ≥ 1.3×).`,
    );
    if (sampler.includes('always_off') && route === '/hello')
      lines.push(
        `Runtime unsampled trivial request: ${(((f - b) / b) * 100).toFixed(0)} % more CPU than bare (${verdict(f - b <= 0.1 * b)} the goal of ≤ 10 %).`,
      );
    if (sampler.includes('parentbased_traceidratio') && route === '/work')
      lines.push(
        `Runtime pg + Redis route at the msp default sampler: ${(b / f).toFixed(2)}× bare capacity (${verdict(b / f >= 0.8)} the goal of ≥ 0.8×).`,
      );
  }
  return lines;
}

if (json) {
  const extra = args.get('env');
  printArea(
    {
      area: 'runtime',
      title: `Runtime: cold start, throughput, idle memory${extra === undefined ? '' : ` (${extra})`}`,
      command: `node bench/runtime/run.mjs ${process.argv.slice(2).join(' ')}`,
      description: [
        'Cold start: spawn to the first 200 from /-/healthz. "full" has telemetry exporting OTLP, Sentry, a PostgreSQL pool and a Redis client whose health checks /-/healthz runs; "full bundled" is the same server bundled by apps/msp-example/bundle.mjs, as the example ships; "bare" is a node:http server; "peer" is the same server instrumented the common way: @sentry/node, then NodeSDK with @opentelemetry/auto-instrumentations-node, exporting OTLP traces and metrics to the same sink.',
        `Throughput: ${CONCURRENCY} keep-alive clients for ${SECONDS} s per run on /hello (trivial) and /work (one query and one Redis PING); the server's CPU time per request is steadier than requests per second on a shared machine.`,
      ],
      results,
      summary: goalSummary(),
      ratios: [
        {
          name: 'cold start: full bundled / bare (goal ≤ 1.6)',
          numerator: 'cold start, full bundled',
          denominator: 'cold start, bare',
        },
        {
          name: 'cold start: full, not bundled / bare',
          numerator: 'cold start, full',
          denominator: 'cold start, bare',
        },
        {
          name: 'cold start: peer / bare',
          numerator: 'cold start, peer',
          denominator: 'cold start, bare',
        },
        ...['/hello', '/work'].flatMap((route) => [
          {
            name: `${route} capacity: bare CPU / full CPU (goal ≥ 0.8 for /work at the default sampler)`,
            numerator: `${route} CPU/request, bare`,
            denominator: `${route} CPU/request, full`,
          },
          {
            name: `${route} capacity: peer CPU / full CPU (goal ≥ 1.3)`,
            numerator: `${route} CPU/request, peer`,
            denominator: `${route} CPU/request, full`,
          },
        ]),
      ],
    },
    true,
  );
}
