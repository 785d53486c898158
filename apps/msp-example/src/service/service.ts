/** Composes the parts in `internal/` into the runnable service. */
import { defineService } from '@msp/runtime';
import { openJsonCache } from '../internal/cache/json-cache.js';
import { createEventWriter } from '../internal/events/event-writer.js';
import { greetingRoute } from '../internal/greeting/greeting-route.js';
import { createRouter } from '../internal/http/router.js';
import { itemExpiry } from '../internal/items/expiry.js';
import { openItemStore } from '../internal/items/open-item-store.js';
import { itemRoutes } from '../internal/items/routes.js';
import { config } from './config.js';

export const service = defineService({
  name: 'msp-example',
  version: '0.1.0',
  config,
  async initialize({ config, contract, lifecycle, logger }) {
    const store = await openItemStore(config, contract, logger.scoped('items'));
    // Stateless mode keeps everything in this process: no shared cache either.
    const cache = await openJsonCache(
      config,
      config.statelessMode ? undefined : contract.redis,
      logger.scoped('cache'),
    );
    const events = createEventWriter(contract.bigquery, lifecycle, logger.scoped('events'));
    const expiry = itemExpiry(store, config, logger.scoped('expiry'));
    lifecycle.addHealthCheck(expiry.healthCheck);
    logger.info('initialized', { storage: store.kind, cache: cache.kind, events: events.kind });
    events.record('service.initialized', { storage: store.kind, cache: cache.kind });

    const details = { environment: contract.environmentId, storage: store.kind, cache: cache.kind };
    return {
      handler: createRouter(
        [
          greetingRoute(config, details),
          ...itemRoutes({ store, cache, events, apiKey: config.apiKey }),
        ],
        logger.scoped('http'),
      ),
      routines: [expiry.routine],
    };
  },
});
