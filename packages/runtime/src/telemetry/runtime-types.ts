/**
 * The two things every integration takes from whoever starts it: the
 * environment (an object, never `process.env` read below `start()`), and a
 * logger: the runtime's {@link Logger}, of which integrations use only the
 * four level methods (so tests can pass a plain object).
 */
import { isMspError, MspError } from '@msp/spec/errors';
import type { Logger } from '../logging/logger.js';

/** Environment variables, as `process.env` holds them. */
export type RuntimeEnv = Readonly<Record<string, string | undefined>>;

/** The part of the runtime's {@link Logger} that integrations use. */
export type StructuredLogger = Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;

/** Reads a variable, treating an empty string as unset. */
export function envValue(env: RuntimeEnv, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

/**
 * Invalid platform configuration for an integration: code
 * `integration-config-invalid`. Lists every problem at once; each names the
 * variable and how to fix it.
 */
export class IntegrationConfigError extends MspError {
  readonly problems: readonly string[];

  constructor(integration: string, problems: readonly string[]) {
    super(
      'integration-config-invalid',
      `invalid ${integration} configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.problems = problems;
  }
}

/** True for an {@link IntegrationConfigError}, even one from another copy of this package. */
export function isIntegrationConfigError(error: unknown): error is IntegrationConfigError {
  return isMspError(error, 'integration-config-invalid');
}

/** Rejects with the signal's reason when it aborts first. */
export function raceAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new Error('health check timed out');
}
