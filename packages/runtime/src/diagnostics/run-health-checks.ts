import type { HealthCheck } from '../lifecycle.js';

/** How long a health check may take unless it sets its own `timeoutMs`. */
export const DEFAULT_HEALTH_CHECK_TIMEOUT_MS = 2000;

export interface CheckResult {
  readonly name: string;
  readonly ok: boolean;
  readonly durationMs: number;
  /** Why the check failed. */
  readonly error?: string;
}

export interface HealthReport {
  readonly healthy: boolean;
  readonly checks: readonly CheckResult[];
}

async function runOne(check: HealthCheck, timeoutMs: number): Promise<CheckResult> {
  const started = performance.now();
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new Error(`timed out after ${timeoutMs}ms`);
      controller.abort(error);
      reject(error);
    }, timeoutMs);
  });
  try {
    await Promise.race([check.check(controller.signal), timedOut]);
    return { name: check.name, ok: true, durationMs: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      name: check.name,
      ok: false,
      durationMs: Math.round(performance.now() - started),
      error: error instanceof Error ? error.message : String(error),
    };
  } finally {
    clearTimeout(timer);
  }
}

/** Runs every check concurrently, each bounded by its timeout; healthy when all pass. */
export async function runHealthChecks(
  checks: readonly HealthCheck[],
  defaultTimeoutMs = DEFAULT_HEALTH_CHECK_TIMEOUT_MS,
): Promise<HealthReport> {
  const results = await Promise.all(
    checks.map((check) => runOne(check, check.timeoutMs ?? defaultTimeoutMs)),
  );
  return { healthy: results.every((result) => result.ok), checks: results };
}
