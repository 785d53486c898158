import { variable } from '@msp/runtime';

/** Where items are stored: what {@link openItemStore} reads. */
export const storageConfig = {
  statelessMode: variable.boolean('STATELESS_MODE', {
    description: 'Keep items in memory instead of PostgreSQL (local development, demos).',
    default: false,
  }),
  database: variable.string('DATABASE_NAME', {
    description: 'The PostgreSQL database of the items (msp provisions "primary").',
    default: 'primary',
  }),
};

/** How long items live: what the expiry routine and the clean-up job read. */
export const expiryConfig = {
  itemTtlHours: variable.integer('ITEM_TTL_HOURS', {
    description: 'Items older than this many hours are deleted.',
    default: 24,
    min: 1,
  }),
};

/** How often the service's expiry routine runs. */
export const expiryRoutineConfig = {
  ...expiryConfig,
  expiryIntervalMs: variable.duration('EXPIRY_INTERVAL', {
    description: 'How often the service deletes expired items between clean-up job runs.',
    default: 300_000,
    min: 1000,
  }),
};
