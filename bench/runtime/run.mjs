// Runtime benchmarks: cold start to the first healthy /-/healthz, request
// throughput with tracing on, and idle memory, each against a bare node:http
// server. Needs PostgreSQL and Redis (PGHOST/PGPORT/PGUSER/PGDATABASE,
// REDIS_URL; local defaults) and a build: `npx nx run runtime:build`.
// Run: npx node bench/runtime/run.mjs [--runs 10] [--seconds 5]
import { spawn } from 'node:child_process';
import { Agent, createServer, request } from 'node:http';
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

// A sink that accepts OTLP and Sentry envelopes, so exporting costs what it would.
// Empty 200 bodies: valid for protobuf OTLP and for Sentry envelopes.
const sink = createServer((req, res) => req.resume().on('end', () => res.end()));
await new Promise((resolve) => sink.listen(0, '127.0.0.1', resolve));
const sinkUrl = `http://127.0.0.1:${sink.address().port}`;

const fullEnv = {
  PGHOST: process.env.PGHOST ?? '127.0.0.1',
  PGPORT: process.env.PGPORT ?? '5432',
  PGUSER: process.env.PGUSER ?? 'postgres',
  PGDATABASE: process.env.PGDATABASE ?? 'test',
  REDIS_ENDPOINT: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  OTEL_EXPORTER_OTLP_ENDPOINT: sinkUrl,
  SENTRY_DSN: `http://key@${sinkUrl.slice('http://'.length)}/1`,
};
const variants = { bare: {}, full: fullEnv };

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

async function throughput(name) {
  const { child, port } = start(name);
  await waitHealthy(port);
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const deadline = performance.now() + SECONDS * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        await get(port, '/hello', agent);
        done++;
      }
    }),
  );
  agent.destroy();
  await stop(child);
  return done / SECONDS;
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
const cold = { bare: await coldStart('bare'), full: await coldStart('full') };
console.log(
  `cold start to healthy /-/healthz (median): bare ${cold.bare.toFixed(0)} ms, full ${cold.full.toFixed(0)} ms, ratio ${(cold.full / cold.bare).toFixed(2)}x (goal <= 2x)`,
);
const rps = { bare: await throughput('bare'), full: await throughput('full') };
console.log(
  `throughput (${CONCURRENCY} keep-alive clients): bare ${rps.bare.toFixed(0)} req/s, traced ${rps.full.toFixed(0)} req/s, ratio ${(rps.full / rps.bare).toFixed(2)}x (goal >= 0.8x)`,
);
const mem = { bare: await idleMemory('bare'), full: await idleMemory('full') };
console.log(`idle RSS after GC: bare ${mem.bare.toFixed(1)} MiB, full ${mem.full.toFixed(1)} MiB`);
sink.close();
