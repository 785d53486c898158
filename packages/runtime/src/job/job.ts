import type { ConfigDefinition, ConfigOf } from '../config/variable.js';
import type { JobContract } from '../contract/contract.js';
import type { Lifecycle } from '../lifecycle.js';
import type { Logger } from '../logging/logger.js';
import type { TelemetryExtensions } from '../telemetry/telemetry-extensions.js';

export interface JobContext<C> {
  readonly config: C;
  /** Scoped `job`, with the execution ID on every record. */
  readonly logger: Logger;
  readonly contract: JobContract;
  /** Register closers that run after the execution. */
  readonly lifecycle: Lifecycle;
  /** Aborts when `JOB_EXECUTION_DEADLINE` passes or the process is told to stop. */
  readonly signal: AbortSignal;
}

export interface Job<D extends ConfigDefinition = ConfigDefinition> {
  readonly name: string;
  readonly version: string;
  readonly config?: D;
  /** Instrumentations and span processors added to the runtime's OpenTelemetry. */
  readonly telemetry?: TelemetryExtensions;
  /** One execution; resolve on success, throw or reject on failure. */
  execute(context: JobContext<ConfigOf<D>>): void | Promise<void>;
}

/** Returns `job` unchanged; it only helps TypeScript infer the config type. */
export function defineJob<D extends ConfigDefinition = Record<never, never>>(job: Job<D>): Job<D> {
  return job;
}
