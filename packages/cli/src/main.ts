import { createColors, wantsColor } from './cli/colors.js';
import { isMspError, isUsageError, UsageError } from '@msp/spec/errors';
import type { Command, OptionSpecs } from './cli/command.js';
import type { Io } from './cli/io.js';

export interface MainOptions {
  /** The version `--version` prints. */
  readonly version: () => string;
  /** The worker script for generating on several threads (`src/bin/generate-worker.ts`). */
  readonly generateWorker?: URL;
}

const leadingGlobals = new Set(['--verbose', '--color', '--no-color']);

/**
 * Runs `msp` with the given arguments and returns the exit code: 0 success,
 * 1 invalid input or failed check, 2 usage error. Never throws.
 */
export async function main(argv: readonly string[], io: Io, options: MainOptions): Promise<number> {
  // Fast path: nothing else is loaded for --version.
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    io.stdout.write(options.version() + '\n');
    return 0;
  }
  const globals = argv.slice(0, firstNonGlobal(argv));
  const rest = argv.slice(globals.length);
  const verbose = argv.includes('--verbose');
  const errorColors = createColors(wantsColor(io.env, io.stderr.isTTY, colorFlag(argv)));
  try {
    const { findCommand, loadCommands } = await import('./commands/registry.js');
    const { renderRootHelp, renderCommandHelp } = await import('./cli/help.js');
    if (rest.length === 0 || rest[0] === '--help' || rest[0] === '-h' || rest[0] === 'help') {
      const topic = rest[0] === 'help' ? rest.slice(1) : [];
      if (topic.length > 0) {
        const found = findCommand(topic);
        if (found.name === undefined) throw new UsageError(found.error);
        io.stdout.write(renderCommandHelp(await found.load()));
        return 0;
      }
      (rest.length === 0 ? io.stderr : io.stdout).write(renderRootHelp(await loadCommands()));
      return rest.length === 0 ? 2 : 0;
    }
    if (rest[0] === '--version') throw new UsageError('--version takes no other arguments');
    const found = findCommand(rest);
    if (found.name === undefined)
      throw new UsageError(found.error, { hint: 'Run "msp --help" for the list of commands.' });
    return await runCommand(
      await found.load(),
      [...globals, ...rest.slice(found.words)],
      io,
      options,
      renderCommandHelp,
    );
  } catch (error) {
    reportError(error, io, verbose, errorColors, options.version);
    return isUsageError(error) ? 2 : 1;
  }
}

async function runCommand(
  command: Command<OptionSpecs>,
  argv: readonly string[],
  io: Io,
  options: MainOptions,
  renderHelp: (command: Command<OptionSpecs>) => string,
): Promise<number> {
  const { parseCommandLine } = await import('./cli/parse.js');
  const parsed = parseCommandLine(command, argv);
  if (parsed.help) {
    io.stdout.write(renderHelp(command));
    return 0;
  }
  return command.run({
    io,
    options: parsed.options,
    args: parsed.args,
    colors: createColors(wantsColor(io.env, io.stdout.isTTY, parsed.color)),
    verbose: parsed.verbose,
    ...(options.generateWorker === undefined ? {} : { generateWorker: options.generateWorker }),
  });
}

function firstNonGlobal(argv: readonly string[]): number {
  const i = argv.findIndex((arg) => !leadingGlobals.has(arg));
  return i === -1 ? argv.length : i;
}

function colorFlag(argv: readonly string[]): boolean | undefined {
  if (argv.includes('--no-color')) return false;
  if (argv.includes('--color')) return true;
  return undefined;
}

const BUG_REPORTS = 'https://github.com/msp-platform/msp/issues';

/**
 * Prints an error: msp's own (`MspError`, from any package) as its message and
 * hint, anything else also as a bug to report, unless it carries a code (a
 * system error such as `EACCES`).
 */
export function reportError(
  error: unknown,
  io: Io,
  verbose: boolean,
  colors: ReturnType<typeof createColors>,
  version: () => string,
): void {
  io.stderr.write(`${colors.red('error')}: ${field(error, 'message') ?? String(error)}\n`);
  const own = isMspError(error);
  if (own && error.hint !== undefined) io.stderr.write(`${colors.dim('hint')}: ${error.hint}\n`);
  if (!own && typeof (error as { code?: unknown } | null)?.code !== 'string')
    io.stderr.write(
      `${colors.red('this is a bug in msp, please report it')} at ${BUG_REPORTS} with this output (msp ${version()})\n`,
    );
  if (verbose) {
    const stack = field(error, 'stack');
    if (stack !== undefined) io.stderr.write(stack + '\n');
    let cause =
      typeof error === 'object' && error !== null && 'cause' in error ? error.cause : undefined;
    while (cause !== undefined) {
      io.stderr.write(
        `caused by: ${field(cause, 'stack') ?? field(cause, 'message') ?? String(cause)}\n`,
      );
      cause =
        typeof cause === 'object' && cause !== null && 'cause' in cause ? cause.cause : undefined;
    }
  } else if (!own) {
    io.stderr.write(`${colors.dim('hint')}: run again with --verbose for the stack trace\n`);
  }
}

/** A string property of an error; duck-typed because errors may come from another realm. */
function field(error: unknown, name: 'message' | 'stack'): string | undefined {
  if (typeof error !== 'object' || error === null || !(name in error)) return undefined;
  const value = (error as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}
