/** The parts of `start()` and `runJob()` that touch the process itself. */
import { parseBoolean } from '../config/parsers.js';
import { formatHelp } from '../config/format-help.js';
import { INTEGRATION_VARIABLES } from '../integrations/integration-variables.js';
import type { ConfigDefinition, Env } from '../config/variable.js';
import { contractVariablesFor } from '../contract/contract-values.js';
import { isConfigError } from '../errors.js';
import type { Logger, LogOutput } from '../logging/logger.js';

export const SANITY_CHECK_MESSAGE = 'Sanity check passed, exiting without error';

/** `SANITY_CHECK=true`: the image starts; exit 0 before anything else. */
export function isSanityCheck(env: Env): boolean {
  const parsed = parseBoolean(env['SANITY_CHECK'] ?? '');
  return parsed.ok && parsed.value;
}

export function wantsHelp(argv: readonly string[]): boolean {
  return argv.some((arg) => arg === '--help' || arg === '-help' || arg === '-h');
}

/**
 * Exits 0 before anything starts for `SANITY_CHECK=true` (checked first) and
 * for `--help`, which lists the workload's and the contract's variables.
 */
export function exitForSanityCheckOrHelp(
  workload: { readonly name: string; readonly version: string; readonly config?: ConfigDefinition },
  kind: 'service' | 'job',
  env: Env,
  argv: readonly string[],
): void {
  if (isSanityCheck(env)) {
    process.stdout.write(`${SANITY_CHECK_MESSAGE}\n`);
    process.exit(0);
  }
  if (wantsHelp(argv)) {
    process.stdout.write(
      formatHelp({
        name: workload.name,
        version: workload.version,
        variables: Object.values(workload.config ?? {}),
        contract: contractVariablesFor(kind),
        integrations: INTEGRATION_VARIABLES,
      }),
    );
    process.exit(0);
  }
}

/**
 * Logs why start-up failed. A config error's message lists one problem per
 * line; JSON records also carry the problems as data.
 */
export function reportStartFailure(output: LogOutput, error: unknown): void {
  const logger = output.logger.scoped('msp');
  if (isConfigError(error)) {
    logger.error(error.message, output.format === 'json' ? { issues: error.issues } : {});
  } else {
    logger.error('startup failed', { error });
  }
}

/**
 * Logs uncaught exceptions and unhandled rejections as error records (so
 * Error Reporting sees them) without changing what Node does next: the
 * process still crashes.
 */
export function logUncaughtErrors(logger: Logger): void {
  process.on('uncaughtExceptionMonitor', (error, origin) => {
    logger.error(origin === 'unhandledRejection' ? 'unhandled rejection' : 'uncaught exception', {
      error,
    });
  });
}

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;
const SIGNAL_NUMBERS: Readonly<Record<(typeof SIGNALS)[number], number>> = {
  SIGTERM: 15,
  SIGINT: 2,
};

/**
 * Calls `onFirst` on the first SIGTERM or SIGINT; a second signal exits at
 * once with 128 + the signal's number. Returns a function that removes the
 * handlers.
 */
export function onTerminationSignal(
  logger: Logger,
  onFirst: (signal: NodeJS.Signals) => void,
): () => void {
  let received = false;
  const handler = (signal: (typeof SIGNALS)[number]): void => {
    if (received) {
      logger.warn('second signal: exiting at once', { signal });
      process.exit(128 + SIGNAL_NUMBERS[signal]);
    }
    received = true;
    logger.info('received signal', { signal });
    onFirst(signal);
  };
  for (const signal of SIGNALS) process.on(signal, handler);
  return () => {
    for (const signal of SIGNALS) process.off(signal, handler);
  };
}
