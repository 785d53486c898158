/**
 * What data clients and services register with the runtime: health checks
 * that `/-/healthz` runs, and closers that shutdown runs in reverse order of
 * registration.
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
  close(): Promise<void>;
}

export interface Lifecycle {
  addHealthCheck(check: HealthCheck): void;
  addCloser(closer: Closer): void;
}
