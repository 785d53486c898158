// The benchmark areas bench/run.mjs runs, in order. Each script follows the
// convention in area-output.mjs when given `--json`; `args` are its arguments for a
// full run and for --quick (run counts), and a script that is not there is skipped.
// The runtime's default on msp: parent-based, 10 % of new traces.
const SAMPLE_10_PERCENT =
  'OTEL_TRACES_SAMPLER=parentbased_traceidratio,OTEL_TRACES_SAMPLER_ARG=0.1';
const SAMPLE_NONE = 'OTEL_TRACES_SAMPLER=always_off';

export const AREAS = [
  {
    id: 'generation-vs-cdktf',
    title: 'Generation: msp against CDKTF',
    script: 'bench/cdktf/compare.mjs',
    args: { full: ['20'], quick: ['3'] },
  },
  {
    id: 'scale',
    title: 'Scale: many services',
    script: 'bench/scale/scale.mjs',
    // 1000 services × 3 environments with CDKTF beside msp: about 2 minutes per interleaved run.
    args: { full: ['6'], quick: ['1'] },
    timeoutMinutes: 40,
  },
  {
    id: 'terraform-gen',
    title: 'Generation in-process: largest fixture',
    script: 'bench/terraform-gen/generate.mjs',
    args: { full: ['500'], quick: ['50'] },
  },
  {
    id: 'spec',
    title: 'Spec parse + validate',
    script: 'bench/spec/parse-validate.mjs',
    args: { full: ['200'], quick: ['30'] },
  },
  {
    id: 'cli',
    title: 'CLI start-up',
    script: 'bench/cli/startup.mjs',
    args: { full: ['30'], quick: ['5'] },
  },
  {
    id: 'runtime',
    title: 'Runtime: cold start, throughput, idle memory',
    script: 'bench/runtime/run.mjs',
    args: { full: ['--runs', '10'], quick: ['--runs', '3', '--seconds', '2'] },
  },
  {
    id: 'runtime-sampling-10',
    title: 'Runtime: throughput at the msp default sampler (parent-based, 10%)',
    script: 'bench/runtime/run.mjs',
    args: {
      full: ['--only', 'throughput', '--env', SAMPLE_10_PERCENT],
      quick: ['--only', 'throughput', '--seconds', '2', '--env', SAMPLE_10_PERCENT],
    },
  },
  {
    id: 'runtime-sampling-off',
    title: 'Runtime: throughput with tracing off (no request sampled)',
    script: 'bench/runtime/run.mjs',
    args: {
      full: ['--only', 'throughput', '--env', SAMPLE_NONE],
      quick: ['--only', 'throughput', '--seconds', '2', '--env', SAMPLE_NONE],
    },
  },
];
