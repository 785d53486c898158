/**
 * Runs a GitHub Actions workflow's jobs here, step by step: each `run:` step's script
 * under `bash --noprofile --norc -eo pipefail` (the runner's default shell), with the
 * workflow's, the job's and the step's `env:`, `$GITHUB_OUTPUT` and `$RUNNER_TEMP`; each
 * `uses:` step through a local stand-in the test supplies (an action without one fails
 * the run). `${{ }}` expressions are evaluated with the subset of GitHub's expression
 * language the msp workflow uses; anything else is an error, not a guess.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { run } from './run.js';

export interface WorkflowStep {
  readonly name?: string;
  readonly id?: string;
  readonly if?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly env?: Record<string, string>;
  readonly with?: Record<string, unknown>;
}
export interface WorkflowJob {
  readonly if?: string;
  readonly env?: Record<string, string>;
  readonly outputs?: Record<string, string>;
  readonly strategy?: { readonly matrix: Record<string, unknown> };
  readonly steps: readonly WorkflowStep[];
}
export interface Workflow {
  readonly env?: Record<string, string>;
  readonly jobs: Record<string, WorkflowJob>;
}

export type Context = Record<string, unknown>;

/** A local stand-in for an action: its outputs, and a directory it puts on PATH. */
export type ActionStandIn = (
  inputs: Record<string, string>,
) => { outputs?: Record<string, string>; path?: string } | undefined;

export interface RunnerOptions {
  readonly cwd: string;
  /** The runner's environment (PATH, HOME, the npm config, the API endpoints). */
  readonly env: NodeJS.ProcessEnv;
  readonly contexts: Context;
  /** Action name without `@ref` → its stand-in. */
  readonly actions: Record<string, ActionStandIn>;
  readonly timeoutMs: number;
}

export interface StepRecord {
  readonly name: string;
  readonly ran: boolean;
  readonly output: string;
}
export interface JobRun {
  readonly ran: boolean;
  readonly steps: StepRecord[];
  readonly outputs: Record<string, string>;
}

// ---- expressions -----------------------------------------------------------------------

type Token = { kind: 'op' | 'ident' | 'string' | 'number'; text: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const pattern =
    /\s*(?:(\|\||&&|==|!=|[!().,])|([A-Za-z_][A-Za-z0-9_-]*)|'((?:[^']|'')*)'|(-?\d+(?:\.\d+)?))/y;
  let index = 0;
  while (index < source.length) {
    if (/^\s*$/.test(source.slice(index))) break;
    pattern.lastIndex = index;
    const match = pattern.exec(source);
    if (match === null)
      throw new Error(`unsupported expression syntax at "${source.slice(index)}"`);
    index = pattern.lastIndex;
    if (match[1] !== undefined) tokens.push({ kind: 'op', text: match[1] });
    else if (match[2] !== undefined) tokens.push({ kind: 'ident', text: match[2] });
    else if (match[3] !== undefined)
      tokens.push({ kind: 'string', text: match[3].replace(/''/g, "'") });
    else tokens.push({ kind: 'number', text: match[4] ?? '' });
  }
  return tokens;
}

const truthy = (value: unknown): boolean =>
  !(value === false || value === 0 || value === '' || value === null || value === undefined);

function equal(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  return (a ?? null) === (b ?? null);
}

/** Evaluates one expression (the text inside `${{ }}`, or a bare `if:`) against `contexts`. */
export function evaluate(source: string, contexts: Context): unknown {
  const tokens = tokenize(source);
  let at = 0;
  const peek = (text: string) => tokens[at]?.kind === 'op' && tokens[at]?.text === text;
  const expect = (text: string) => {
    if (!peek(text)) throw new Error(`expected "${text}" in expression "${source}"`);
    at++;
  };
  // A left-associative chain of `op`; || yields the first truthy operand, && the first falsy.
  const chain =
    (op: string, operand: () => unknown, combine: (left: unknown, right: unknown) => unknown) =>
    (): unknown => {
      let value = operand();
      while (peek(op)) {
        at++;
        value = combine(value, operand());
      }
      return value;
    };
  const and = chain(
    '&&',
    () => comparison(),
    (left, right) => (truthy(left) ? right : left),
  );
  const or = chain(
    '||',
    () => and(),
    (left, right) => (truthy(left) ? left : right),
  );
  const comparison = (): unknown => {
    const left = unary();
    if (peek('==') || peek('!=')) {
      const negate = tokens[at++]?.text === '!=';
      const same = equal(left, unary());
      return negate ? !same : same;
    }
    return left;
  };
  const unary = (): unknown => {
    if (peek('!')) {
      at++;
      return !truthy(unary());
    }
    return primary();
  };
  const primary = (): unknown => {
    const token = tokens[at++];
    if (token === undefined) throw new Error(`expression "${source}" ends early`);
    if (token.kind === 'string') return token.text;
    if (token.kind === 'number') return Number(token.text);
    if (token.kind === 'op' && token.text === '(') {
      const value = or();
      expect(')');
      return value;
    }
    if (token.kind !== 'ident') throw new Error(`unexpected "${token.text}" in "${source}"`);
    if (token.text === 'true' || token.text === 'false') return token.text === 'true';
    if (token.text === 'null') return null;
    if (peek('(')) {
      at++;
      const args: unknown[] = [];
      while (!peek(')')) {
        args.push(or());
        if (peek(',')) at++;
      }
      expect(')');
      return call(token.text, args);
    }
    let value: unknown = contexts[token.text];
    if (value === undefined) throw new Error(`unknown context "${token.text}" in "${source}"`);
    while (peek('.')) {
      at++;
      const name = tokens[at++];
      if (name?.kind !== 'ident') throw new Error(`expected a property name in "${source}"`);
      value =
        typeof value === 'object' && value !== null
          ? ((value as Record<string, unknown>)[name.text] ?? null)
          : null;
    }
    return value;
  };
  const value = or();
  if (at !== tokens.length) throw new Error(`unexpected "${tokens[at]?.text}" in "${source}"`);
  return value;
}

function call(name: string, args: unknown[]): unknown {
  switch (name) {
    case 'fromJSON':
      return JSON.parse(String(args[0])) as unknown;
    case 'toJSON':
      return JSON.stringify(args[0]);
    case 'success':
      return true; // a failed step ends the run here, so every step that runs follows successes
    default:
      throw new Error(`the runner does not implement ${name}()`);
  }
}

const asText = (value: unknown): string =>
  value === null || value === undefined
    ? ''
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value);

/** `text` with each `${{ expression }}` replaced by its value, as the runner does. */
export function interpolate(text: string, contexts: Context): string {
  return text.replace(/\$\{\{(.*?)\}\}/g, (_, expression: string) =>
    asText(evaluate(expression, contexts)),
  );
}

/** A value that is one whole `${{ }}` keeps its type (a matrix from fromJSON); else a string. */
function value(raw: unknown, contexts: Context): unknown {
  if (typeof raw !== 'string') return raw;
  const whole = /^\$\{\{((?:(?!\}\}).)*)\}\}$/s.exec(raw.trim());
  return whole?.[1] !== undefined ? evaluate(whole[1], contexts) : interpolate(raw, contexts);
}

/** An `if:` is an expression with or without `${{ }}`. */
const condition = (text: string | undefined, contexts: Context): boolean =>
  text === undefined
    ? true
    : truthy(value(text.includes('${{') ? text : `\${{ ${text} }}`, contexts));

const envOf = (env: Record<string, string> | undefined, contexts: Context) =>
  Object.fromEntries(Object.entries(env ?? {}).map(([k, v]) => [k, asText(value(v, contexts))]));

/** `name=value` lines and `name<<DELIMITER` blocks of a `$GITHUB_OUTPUT` file. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const block = /^([^=<]+)<<(.+)$/.exec(line);
    if (block?.[1] !== undefined && block[2] !== undefined) {
      const end = lines.indexOf(block[2], i + 1);
      if (end < 0) throw new Error(`$GITHUB_OUTPUT: ${block[1]} has no closing ${block[2]}`);
      outputs[block[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return outputs;
}

/** The matrix combinations of a job (one `include`-free axis per key), or one run without. */
export function matrixOf(job: WorkflowJob, contexts: Context): Context[] {
  if (job.strategy === undefined) return [{}];
  let combinations: Context[] = [{}];
  for (const [axis, raw] of Object.entries(job.strategy.matrix)) {
    const values = value(raw, contexts);
    if (!Array.isArray(values)) throw new Error(`matrix axis ${axis} is not a list`);
    combinations = combinations.flatMap((c) => values.map((v: unknown) => ({ ...c, [axis]: v })));
  }
  return combinations;
}

/** Runs one job (one matrix combination); a failing step rejects with its output. */
export async function runJob(
  workflow: Workflow,
  name: string,
  options: RunnerOptions,
  extra: Context = {},
): Promise<JobRun> {
  const job = workflow.jobs[name];
  if (job === undefined) throw new Error(`the workflow has no job ${name}`);
  const steps: Record<string, { outputs: Record<string, string> }> = {};
  const contexts: Context = { ...options.contexts, ...extra, steps };
  if (!condition(job.if, contexts)) return { ran: false, steps: [], outputs: {} };
  const temp = mkdtempSync(path.join(options.cwd, '..', `runner-${name}-`));
  const records: StepRecord[] = [];
  let pathDirs: string[] = [];
  for (const [index, step] of job.steps.entries()) {
    const label = step.name ?? step.uses ?? step.run?.split('\n')[0] ?? `step ${index + 1}`;
    if (!condition(step.if, contexts)) {
      records.push({ name: label, ran: false, output: '' });
      continue;
    }
    let outputs: Record<string, string> = {};
    let output = '';
    if (step.uses !== undefined) {
      const action = step.uses.split('@')[0] ?? '';
      const standIn = options.actions[action];
      if (standIn === undefined) throw new Error(`no local stand-in for the action ${action}`);
      const inputs = envOf(step.with as Record<string, string> | undefined, contexts);
      const result = standIn(inputs);
      outputs = result?.outputs ?? {};
      if (result?.path !== undefined) pathDirs = [result.path, ...pathDirs];
      output = `${action} ${JSON.stringify(inputs)}`;
    } else if (step.run !== undefined) {
      const script = path.join(temp, `step-${index + 1}.sh`);
      const outputFile = path.join(temp, `output-${index + 1}`);
      writeFileSync(script, interpolate(step.run, contexts));
      writeFileSync(outputFile, '');
      const env: NodeJS.ProcessEnv = {
        ...options.env,
        PATH: [...pathDirs, options.env['PATH'] ?? ''].join(path.delimiter),
        RUNNER_TEMP: temp,
        GITHUB_OUTPUT: outputFile,
        ...envOf(workflow.env, contexts),
        ...envOf(job.env, contexts),
        ...envOf(step.env, contexts),
      };
      output = await run('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
        cwd: options.cwd,
        env,
        timeoutMs: options.timeoutMs,
      }).catch((error: unknown) => {
        throw new Error(`step "${label}" of ${name} failed: ${String(error)}`);
      });
      outputs = parseOutputFile(readFileSync(outputFile, 'utf8'));
    } else throw new Error(`step "${label}" of ${name} has neither run nor uses`);
    if (step.id !== undefined) steps[step.id] = { outputs };
    records.push({ name: label, ran: true, output });
  }
  return { ran: true, steps: records, outputs: envOf(job.outputs, contexts) };
}
