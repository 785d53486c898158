import type { Closer } from '../lifecycle.js';
import { withTimeout } from './with-timeout.js';

/**
 * Closes `closers` one at a time, last registered first (clients opened later
 * may depend on earlier ones), all within `timeoutMs`. A failing closer does
 * not stop the rest; the failures are reported together.
 */
export async function closeInReverse(closers: readonly Closer[], timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  const failures: string[] = [];
  for (const closer of [...closers].reverse()) {
    const remaining = deadline - performance.now();
    if (remaining <= 0) {
      failures.push(`${closer.name}: not closed, no time left`);
      continue;
    }
    try {
      await withTimeout(
        Promise.resolve().then(() => closer.close()),
        remaining,
        `closing ${closer.name}`,
      );
    } catch (error) {
      failures.push(`${closer.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (failures.length > 0) throw new Error(failures.join('; '));
}
