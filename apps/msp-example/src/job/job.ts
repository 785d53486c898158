/** The hourly clean-up (job/service.yaml): deletes the items older than ITEM_TTL_HOURS. */
import { defineJob } from '@msp/runtime';
import { expireItems } from '../internal/items/expiry.js';
import { openItemStore } from '../internal/items/open-item-store.js';
import { config } from './config.js';

export const job = defineJob({
  name: 'msp-example-job',
  version: '0.1.0',
  config,
  async execute({ config, contract, logger }) {
    const store = await openItemStore(config, contract, logger);
    const deleted = await expireItems(store, config);
    logger.info('deleted expired items', { deleted, ttlHours: config.itemTtlHours });
  },
});
