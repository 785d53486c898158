import type { ConfigDefinition, Env } from '../config/variable.js';
import { createFallbackLogOutput } from '../internal/bootstrap.js';
import {
  exitForSanityCheckOrHelp,
  logUncaughtErrors,
  onTerminationSignal,
  reportStartFailure,
} from '../internal/process-edge.js';
import { bootService, type RunningService } from './boot-service.js';
import type { Service } from './service.js';

export interface StartOptions {
  /** @default process.env */
  readonly env?: Env;
  /** Command-line arguments after the script. @default process.argv.slice(2) */
  readonly argv?: readonly string[];
}

/**
 * Runs a service as the process: answers `--help` and `SANITY_CHECK`, loads
 * config (exit 1 listing every problem, nothing listening), serves the app and
 * diagnostics on `PORT`, and on SIGTERM or SIGINT shuts down in order within
 * Cloud Run's 10 seconds. Exits 0 only after a clean shutdown.
 */
export async function start<D extends ConfigDefinition>(
  service: Service<D>,
  options: StartOptions = {},
): Promise<void> {
  const env = options.env ?? process.env;
  exitForSanityCheckOrHelp(service, 'service', env, options.argv ?? process.argv.slice(2));

  const fallbackOutput = createFallbackLogOutput(service, env, undefined);
  const fallback = fallbackOutput.logger.scoped('msp');
  // Listen for signals from the start: one during start-up shuts down as soon as it is up.
  let stopRequested = false;
  let onSignal = (): void => {
    stopRequested = true;
  };
  onTerminationSignal(fallback, () => onSignal());

  let running: RunningService;
  try {
    running = await bootService(service, { env });
  } catch (error) {
    reportStartFailure(fallbackOutput, error);
    process.exit(1);
  }

  logUncaughtErrors(running.logger.scoped('msp'));
  const stop = async (code: number): Promise<never> => {
    const report = await running.shutdown();
    process.exit(report.clean ? code : 1);
  };
  onSignal = () => void stop(0);
  if (stopRequested) onSignal();
  void running.failed.then(() => stop(1));
}
