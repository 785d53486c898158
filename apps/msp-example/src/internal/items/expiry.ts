import { setTimeout as sleep } from 'node:timers/promises';
import type { ConfigOf, HealthCheck, Logger, Routine } from '@msp/runtime';
import type { expiryConfig, expiryRoutineConfig } from './config.js';
import type { ItemStore } from './item-store.js';

const HOUR_MS = 3_600_000;

/** Deletes the items older than the TTL; @returns how many. */
export async function expireItems(
  store: ItemStore,
  config: ConfigOf<typeof expiryConfig>,
  now = new Date(),
): Promise<number> {
  return store.deleteCreatedBefore(new Date(now.getTime() - config.itemTtlHours * HOUR_MS));
}

export interface ItemExpiry {
  readonly routine: Routine;
  /** Unhealthy while the last run failed. */
  readonly healthCheck: HealthCheck;
}

/**
 * Expires items every `intervalMs` in the background, between the clean-up
 * job's runs, so readers never see items much older than the TTL.
 */
export function itemExpiry(
  store: ItemStore,
  config: ConfigOf<typeof expiryRoutineConfig>,
  logger: Logger,
): ItemExpiry {
  let lastError: unknown;
  const run = async (): Promise<void> => {
    try {
      const deleted = await expireItems(store, config);
      lastError = undefined;
      if (deleted > 0) logger.info('expired items', { deleted });
    } catch (error) {
      lastError = error;
      logger.warn('expiring items failed', { error });
    }
  };
  return {
    routine: {
      name: 'item-expiry',
      // Runs until shutdown aborts `signal`.
      start: async (signal) => {
        while (!signal.aborted) {
          await run();
          await sleep(config.expiryIntervalMs, undefined, { signal }).catch(() => undefined);
        }
      },
      stop: async () => undefined,
    },
    healthCheck: {
      name: 'item-expiry',
      check: async () => {
        if (lastError !== undefined) {
          throw new Error(`last expiry run failed: ${String(lastError)}`);
        }
      },
    },
  };
}
