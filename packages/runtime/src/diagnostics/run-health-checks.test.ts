import type { HealthCheck } from '../lifecycle.js';
import { runHealthChecks } from './run-health-checks.js';

const passing = (name: string): HealthCheck => ({ name, check: async () => undefined });
const failing = (name: string, message: string): HealthCheck => ({
  name,
  check: async () => {
    throw new Error(message);
  },
});

describe('runHealthChecks', () => {
  it('is healthy with no checks', async () => {
    expect(await runHealthChecks([])).toEqual({ healthy: true, checks: [] });
  });

  it('reports each check and is unhealthy when one fails', async () => {
    const report = await runHealthChecks([passing('a'), failing('b', 'connection refused')]);
    expect(report.healthy).toBe(false);
    expect(report.checks).toEqual([
      { name: 'a', ok: true, durationMs: expect.any(Number) },
      { name: 'b', ok: false, durationMs: expect.any(Number), error: 'connection refused' },
    ]);
  });

  it('times a hanging check out and aborts its signal', async () => {
    let aborted: unknown;
    const hanging: HealthCheck = {
      name: 'hangs',
      timeoutMs: 50,
      check: (signal) =>
        new Promise(() => {
          signal.addEventListener('abort', () => (aborted = signal.reason));
        }),
    };
    const report = await runHealthChecks([hanging, passing('fine')]);
    expect(report.checks[0]).toMatchObject({
      name: 'hangs',
      ok: false,
      error: 'timed out after 50ms',
    });
    expect(report.checks[1]).toMatchObject({ ok: true });
    expect(aborted).toBeInstanceOf(Error);
  });

  it('runs the checks concurrently', async () => {
    const order: string[] = [];
    const slow = (name: string): HealthCheck => ({
      name,
      check: async () => {
        order.push(`start ${name}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
        order.push(`end ${name}`);
      },
    });
    await runHealthChecks([slow('a'), slow('b')]);
    expect(order.slice(0, 2)).toEqual(['start a', 'start b']);
  });
});
