// Runtime benchmarks: cold start to the first healthy /-/healthz, request
// throughput with tracing on, and idle memory, each against a bare node:http
// server. Needs PostgreSQL and Redis (PGHOST/PGPORT/PGUSER/PGDATABASE,
// REDIS_URL; local defaults) and a build: `npx nx run runtime:build`.
// Run: npx node bench/runtime/run.mjs [--runs 10] [--seconds 5] [--env KEY=VALUE,...] [--only throughput]
// --env adds variables to the full server (for example OTEL_TRACES_SAMPLER=traceidratio,OTEL_TRACES_SAMPLER_ARG=0.1).
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';

const args = new Map(
  process.argv
    .slice(2)
    .flatMap((a, i, all) => (a.startsWith('--') ? [[a.slice(2), all[i + 1]]] : [])),
);
const RUNS = Number(args.get('runs') ?? 10);
const SECONDS = Number(args.get('seconds') ?? 5);
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
const variants = { bare: dataEnv, full: fullEnv };
const only = args.get('only');

function start(name) {
  const port = nextPort++;
  const script = fileURLToPath(
    new URL(`servers/${name === 'bare' ? 'bare' : 'full'}.mjs`, import.meta.url),
  );
  const started = performance.now();
  const child = spawn(process.execPath, ['--expose-gc', script], {
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

async function coldStart(name) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const { child, port, started } = start(name);
    await waitHealthy(port);
    times.push(performance.now() - started);
    await stop(child);
  }
  return median(times);
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

console.log(
  `node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model}), runs=${RUNS}, seconds=${SECONDS}`,
);
const wanted = (name) => only === undefined || only === name;
if (wanted('cold')) {
  const cold = { bare: await coldStart('bare'), full: await coldStart('full') };
  const ratio = (cold.full / cold.bare).toFixed(2);
  console.log(
    `cold start to healthy /-/healthz (median): bare ${cold.bare.toFixed(0)} ms, full ${cold.full.toFixed(0)} ms, ratio ${ratio}x (goal <= 2x)`,
  );
}
if (wanted('throughput')) {
  for (const [route, what] of [
    ['/hello', 'a trivial route'],
    ['/work', 'one pg query + one Redis PING'],
  ]) {
    const bare = await throughput('bare', route);
    const full = await throughput('full', route);
    console.log(
      `throughput, ${what} (${CONCURRENCY} keep-alive clients): bare ${bare.rps.toFixed(0)} req/s, traced ${full.rps.toFixed(0)} req/s, ratio ${(full.rps / bare.rps).toFixed(2)}x (goal >= 0.8x)`,
    );
    console.log(
      `  server CPU per request: bare ${bare.cpuPerRequest.toFixed(1)} µs, traced ${full.cpuPerRequest.toFixed(1)} µs, capacity ratio ${(bare.cpuPerRequest / full.cpuPerRequest).toFixed(2)}x`,
    );
  }
}
if (wanted('memory')) {
  const mem = { bare: await idleMemory('bare'), full: await idleMemory('full') };
  console.log(
    `idle RSS after GC: bare ${mem.bare.toFixed(1)} MiB, full ${mem.full.toFixed(1)} MiB`,
  );
}
sink.kill('SIGTERM');
