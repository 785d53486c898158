import { silentLogger as logger } from '../../test/support/silent-logger.js';
import { runShutdown, SHUTDOWN_BUDGET_MS } from './run-shutdown.js';

describe('runShutdown', () => {
  it('fits inside Cloud Run’s 10 second grace period', () => {
    expect(SHUTDOWN_BUDGET_MS).toBeLessThan(10_000);
  });

  it('runs the steps in order and is clean when all succeed', async () => {
    const order: string[] = [];
    const report = await runShutdown(
      [
        { name: 'one', budgetMs: 100, run: () => void order.push('one') },
        { name: 'two', budgetMs: 100, run: async () => void order.push('two') },
      ],
      logger,
    );
    expect(order).toEqual(['one', 'two']);
    expect(report.clean).toBe(true);
    expect(report.steps.map((step) => step.name)).toEqual(['one', 'two']);
  });

  it('runs later steps after one fails or overruns, and is not clean', async () => {
    const report = await runShutdown(
      [
        { name: 'throws', budgetMs: 100, run: () => Promise.reject(new Error('nope')) },
        { name: 'hangs', budgetMs: 30, run: () => new Promise(() => undefined) },
        { name: 'after', budgetMs: 100, run: () => undefined },
      ],
      logger,
    );
    expect(report.clean).toBe(false);
    expect(report.steps).toEqual([
      expect.objectContaining({ name: 'throws', ok: false, error: 'nope' }),
      expect.objectContaining({
        name: 'hangs',
        ok: false,
        error: expect.stringContaining('timed out'),
      }),
      expect.objectContaining({ name: 'after', ok: true }),
    ]);
  });

  it('gives each step at most what is left of the total', async () => {
    const given: number[] = [];
    await runShutdown(
      [
        {
          name: 'slow',
          budgetMs: 1000,
          run: () => new Promise((resolve) => setTimeout(resolve, 60)),
        },
        { name: 'next', budgetMs: 1000, run: (timeoutMs) => void given.push(timeoutMs) },
      ],
      logger,
      100,
    );
    expect(given[0]).toBeLessThanOrEqual(45);
  });
});
