import { SHUTDOWN_GRACE_SECONDS } from '@msp/spec/contract';
import type { Logger } from '../logging/logger.js';
import { withTimeout } from './with-timeout.js';

/**
 * Time shutdown may take in all: Cloud Run sends SIGKILL
 * {@link SHUTDOWN_GRACE_SECONDS} after SIGTERM; one second is left for exiting.
 */
export const SHUTDOWN_BUDGET_MS = SHUTDOWN_GRACE_SECONDS * 1000 - 1000;

const STEP_SLACK_MS = 100;

export interface ShutdownStep {
  readonly name: string;
  /** The most this step may take; less when earlier steps used up the total. */
  readonly budgetMs: number;
  /** Runs the step; `timeoutMs` is the time it actually has. */
  run(timeoutMs: number): void | Promise<void>;
}

export interface StepResult {
  readonly name: string;
  readonly ok: boolean;
  readonly durationMs: number;
  readonly error?: string;
}

export interface ShutdownReport {
  /** Every step finished in time without error. */
  readonly clean: boolean;
  readonly steps: readonly StepResult[];
  readonly durationMs: number;
}

/**
 * Runs `steps` in order, each bounded by its budget and by what is left of
 * `totalMs`. A failed step is logged and the next one still runs.
 */
export async function runShutdown(
  steps: readonly ShutdownStep[],
  logger: Logger,
  totalMs: number = SHUTDOWN_BUDGET_MS,
): Promise<ShutdownReport> {
  const started = performance.now();
  const results: StepResult[] = [];
  for (const step of steps) {
    const stepStarted = performance.now();
    const timeoutMs = Math.max(0, Math.min(step.budgetMs, totalMs - (stepStarted - started)));
    try {
      // Slack lets a step that watches its own timeout clean up before this one fires.
      await withTimeout(
        Promise.resolve().then(() => step.run(timeoutMs)),
        timeoutMs + STEP_SLACK_MS,
        step.name,
      );
      results.push({
        name: step.name,
        ok: true,
        durationMs: Math.round(performance.now() - stepStarted),
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger.error(`shutdown step failed: ${step.name}`, { error: message });
      results.push({
        name: step.name,
        ok: false,
        durationMs: Math.round(performance.now() - stepStarted),
        error: message,
      });
    }
  }
  return {
    clean: results.every((result) => result.ok),
    steps: results,
    durationMs: Math.round(performance.now() - started),
  };
}
