import { MspError } from '@msp/spec/errors';
import { statefulKind } from '../terraform/stateful.js';
import type { Colors } from '../cli/colors.js';
import type { Io } from '../cli/io.js';
import type { FileContent } from '../fs/file-content.js';

/** What `msp plan`, `msp apply` and `msp destroy` do with each stack. */
export type RunKind = 'plan' | 'apply' | 'destroy';

/** One stack of one environment, with its generated files (relative to the stack directory). */
export interface StackTarget {
  readonly environmentID: string;
  readonly stack: string;
  readonly files: ReadonlyMap<string, FileContent>;
  /** The stack's directory, relative to the current directory, for messages. */
  readonly dir: string;
}

/** How one stack's run ended. */
export interface StackOutcome {
  /** `applied`, `destroyed`, `planned`, or `no changes`. */
  readonly result: string;
  readonly url?: string;
  /** Resource changes by action, from the plan. */
  readonly counts?: ChangeCounts;
}

export interface ChangeCounts {
  readonly add: number;
  readonly change: number;
  readonly destroy: number;
}

/** Runs one stack: Terraform Cloud through its API, or the local terraform binary. */
export interface StackRunner {
  run(
    target: StackTarget,
    kind: RunKind,
    progress: (status: string, url?: string) => void,
  ): Promise<StackOutcome>;
}

/** A planned resource change as Terraform's JSON plan lists it. */
export interface ResourceChange {
  readonly address: string;
  readonly type: string;
  readonly change: { readonly actions: readonly string[] };
}

/** Counts of a plan's resource changes (a replacement counts as an add and a destroy, as Terraform counts). */
export function countChanges(changes: readonly ResourceChange[]): ChangeCounts {
  let add = 0;
  let change = 0;
  let destroy = 0;
  for (const { change: c } of changes) {
    if (c.actions.includes('create')) add++;
    if (c.actions.includes('delete')) destroy++;
    if (c.actions.includes('update')) change++;
  }
  return { add, change, destroy };
}

/**
 * Stateful resources a plan destroys or replaces, as `address (kind, replaced)`
 * lines; empty when the plan keeps every one.
 */
export function statefulLosses(changes: readonly ResourceChange[]): string[] {
  return changes.flatMap(({ address, type, change }) => {
    const kind = statefulKind(type);
    if (kind === undefined || !change.actions.includes('delete')) return [];
    return [
      `${address} (${kind}, ${change.actions.includes('create') ? 'replaced' : 'destroyed'})`,
    ];
  });
}

/** The refusal of a plan that loses state, or undefined when it may go ahead. */
export function refuseLosses(
  target: StackTarget,
  changes: readonly ResourceChange[],
  allowed: boolean,
): MspError | undefined {
  const losses = statefulLosses(changes);
  if (losses.length === 0 || allowed) return undefined;
  return new MspError(
    'destroy-refused',
    `${target.environmentID}/${target.stack} would destroy or replace stateful resources:\n  ${losses.join('\n  ')}`,
    {
      hint: 'Nothing was applied. If this is intended, set allowDestroys: true on the environment, generate, and run again with --allow-destroy.',
    },
  );
}

/**
 * Runs the stacks in order (reverse order for a destroy), printing
 * `[n/m] env/stack status (elapsed) url` as each changes, and stops at the
 * first failure, which is rethrown after the summary of what ran.
 */
export async function runStacks(
  io: Io,
  colors: Colors,
  runner: StackRunner,
  targets: readonly StackTarget[],
  kind: RunKind,
  now: () => number = Date.now,
): Promise<StackOutcome[]> {
  const ordered = kind === 'destroy' ? [...targets].reverse() : targets;
  const outcomes: StackOutcome[] = [];
  for (const [index, target] of ordered.entries()) {
    const started = now();
    const label = `[${index + 1}/${ordered.length}] ${target.environmentID}/${target.stack}`;
    let last = '';
    const progress = (status: string, url?: string): void => {
      const line = `${label} ${status}${url === undefined ? '' : `  ${url}`}`;
      if (line === last) return;
      last = line;
      io.stderr.write(`${colors.dim(line)} ${colors.dim(`(${seconds(now() - started)})`)}\n`);
    };
    progress('starting');
    const outcome = await runner.run(target, kind, progress);
    outcomes.push(outcome);
    const counts =
      outcome.counts === undefined
        ? ''
        : ` (${outcome.counts.add} to add, ${outcome.counts.change} to change, ${outcome.counts.destroy} to destroy)`;
    io.stdout.write(
      `${label} ${colors.green(outcome.result)}${counts} in ${seconds(now() - started)}${outcome.url === undefined ? '' : `  ${outcome.url}`}\n`,
    );
  }
  return outcomes;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

/**
 * Rejects with an `MspError` (`interrupted`) when SIGINT or SIGTERM reaches
 * `io.signals`, so a wait can race it; `dispose` removes the listeners.
 */
export function interruption(io: Io): { promise: Promise<never>; dispose: () => void } {
  let dispose = (): void => undefined;
  const promise = new Promise<never>((_, reject) => {
    const stop = (): void => reject(new MspError('interrupted', 'interrupted'));
    io.signals?.on('SIGINT', stop);
    io.signals?.on('SIGTERM', stop);
    dispose = () => {
      io.signals?.off('SIGINT', stop);
      io.signals?.off('SIGTERM', stop);
    };
  });
  promise.catch(() => undefined);
  return { promise, dispose };
}
