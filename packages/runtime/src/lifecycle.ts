/**
 * What data clients and services register with the runtime: health checks
 * that `/-/healthz` runs, and closers that shutdown runs.
 */

export interface HealthCheck {
  /** Short name shown to authorised callers of `/-/healthz`. */
  readonly name: string;
  /**
   * Resolves when healthy; rejects with a reason when not. The runtime aborts
   * `signal` when the check's timeout passes.
   */
  check(signal: AbortSignal): Promise<void>;
  /** How long the check may take before it counts as failed. @default 2000 */
  readonly timeoutMs?: number;
}

export interface Closer {
  readonly name: string;
  /**
   * Closes the client. Closers run concurrently, each with its own deadline
   * (so one stuck client cannot use up the time of the others); `signal`
   * aborts when the deadline passes, and the closer should then drop its
   * connections at once.
   */
  close(signal: AbortSignal): Promise<void>;
  /**
   * Runs in a later step, after every other closer has finished: for what
   * exports the others' telemetry (spans, error reports). @default false
   */
  readonly last?: boolean;
}

export interface Lifecycle {
  addHealthCheck(check: HealthCheck): void;
  addCloser(closer: Closer): void;
}
