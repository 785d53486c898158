// A CDKTF app that synthesizes what msp generates for bench/cdktf/fixture/service.yaml:
// the project, iam and cloudrun stacks (with Redis, Cloud SQL and BigQuery) of each
// environment. Node runs it directly (built-in type stripping), so no compile step
// is timed; `cdktf synth` runs it through bench/cdktf/cdktf.json.
//
//   node bench/cdktf/src/main.ts <outdir>                 synthesize once
//   node bench/cdktf/src/main.ts                          synthesize once to $CDKTF_OUTDIR (what `cdktf synth` sets)
//   node bench/cdktf/src/main.ts <outdir> --repeat 10     print one JSON array of in-process times (ms)
//   node bench/cdktf/src/main.ts <outdir> --phases        JSON: start-up with imports, then synth (ms)
//   node bench/cdktf/src/main.ts <outdir> --services 100  synthesize the service 100 times, to <outdir>/svc-<n>
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'cdktf';
import { cloudrunStack } from './cloudrun-stack.ts';
import { ENVIRONMENTS } from './config.ts';
import { iamStack } from './iam-stack.ts';
import { projectStack } from './project-stack.ts';

// ES module imports are evaluated before this line: Node start-up plus loading CDKTF.
const imported = performance.now();

/** Synthesizes every stack to `outdir`, or where `cdktf synth` asks (CDKTF_OUTDIR) without one. */
export function synthesize(outdir: string | undefined): void {
  const app = new App({ ...(outdir === undefined ? {} : { outdir }), skipValidation: false });
  for (const env of ENVIRONMENTS) {
    projectStack(app, env);
    iamStack(app, env);
    cloudrunStack(app, env);
  }
  app.synth();
}

const [outdir, flag, count] = process.argv.slice(2);
if (outdir === undefined && process.env['CDKTF_OUTDIR'] === undefined) {
  console.error(
    'usage: node bench/cdktf/src/main.ts <outdir> [--repeat <n> | --phases | --services <n>]',
  );
  process.exit(2);
}
if (outdir !== undefined && flag === '--repeat') {
  const times: number[] = [];
  for (let i = 0; i < Number(count ?? 5); i++) {
    rmSync(outdir, { recursive: true, force: true });
    const start = process.hrtime.bigint();
    synthesize(outdir);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  console.log(JSON.stringify(times));
} else if (outdir !== undefined && flag === '--services') {
  // One app per service, as msp writes one tree per service (bench/scale/scale.mjs).
  mkdirSync(outdir, { recursive: true });
  for (let n = 1; n <= Number(count ?? 1); n++) synthesize(join(outdir, `svc-${n}`));
} else if (outdir !== undefined && flag === '--phases') {
  const start = performance.now();
  synthesize(outdir);
  console.log(JSON.stringify({ imports: imported, synth: performance.now() - start }));
} else {
  synthesize(outdir);
}
