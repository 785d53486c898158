import type { BaseContract, ConfigOf, Logger, Postgres } from '@msp/runtime';
import type { storageConfig } from './config.js';
import type { ItemStore } from './item-store.js';
import { memoryItemStore } from './memory-store.js';
import { postgresItemStore } from './postgres-store.js';

/**
 * PostgreSQL when it is configured, memory in stateless mode. Locally without
 * PostgreSQL the service falls back to memory (with a warning) so it runs
 * with no setup; on msp a missing database is an error.
 */
export async function openItemStore(
  config: ConfigOf<typeof storageConfig>,
  contract: BaseContract & { readonly postgres: Postgres },
  logger: Logger,
): Promise<ItemStore> {
  if (config.statelessMode) return memoryItemStore();
  if (!contract.postgres.configured) {
    if (contract.msp)
      throw new Error('PostgreSQL is not configured; set STATELESS_MODE=true to run without it');
    logger.warn('PostgreSQL is not configured: keeping items in memory (set PGHOST or PGDSN)');
    return memoryItemStore();
  }
  return postgresItemStore(await contract.postgres.open(config.database), logger);
}
