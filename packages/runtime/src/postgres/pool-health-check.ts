import type { Pool } from 'pg';
import type { HealthCheck } from '../lifecycle.js';
import { raceAbort } from '../telemetry/runtime-types.js';

/** How recent a checkout must be for a saturated pool to count as healthy. */
const RECENT_CHECKOUT_MS = 10_000;

/**
 * `SELECT 1` through the pool, except when the pool is saturated: then the
 * probe would queue behind real work and time out, and a liveness probe
 * failing under load restarts a busy instance. A saturated pool that handed
 * out a connection within the last 10 s is reported healthy without waiting.
 */
export function poolHealthCheck(name: string, pool: Pool): HealthCheck {
  let lastCheckout = 0;
  pool.on('acquire', () => {
    lastCheckout = Date.now();
  });
  return {
    name,
    async check(signal) {
      if (pool.waitingCount > 0 && Date.now() - lastCheckout < RECENT_CHECKOUT_MS) return;
      await raceAbort(pool.query('SELECT 1'), signal);
    },
  };
}
