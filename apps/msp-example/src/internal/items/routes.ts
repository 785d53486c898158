import { metrics } from '@opentelemetry/api';
import { requireApiKey } from '../auth/require-api-key.js';
import type { JsonCache } from '../cache/json-cache.js';
import type { EventWriter } from '../events/event-writer.js';
import { HttpError, readJson, sendJson } from '../http/json.js';
import type { Route } from '../http/router.js';
import { isItem, parseItemId, parseNewItem } from './item.js';
import type { ItemStore } from './item-store.js';

export interface ItemRoutesOptions {
  readonly store: ItemStore;
  readonly cache: JsonCache;
  readonly events: EventWriter;
  /** Required in `x-api-key` for writes when set. */
  readonly apiKey: string | undefined;
}

const LIST_LIMIT = 100;

/**
 * The items API: `POST /items`, `GET /items`, `GET /items/:id` (read through
 * the cache; `x-cache: hit|miss|off` says which), `DELETE /items/:id`.
 */
export function itemRoutes({ store, cache, events, apiKey }: ItemRoutesOptions): Route[] {
  // Item write latency; the `Slow Item Writes` alert in service.yaml watches it.
  const writeSeconds = metrics
    .getMeter('msp-example')
    .createHistogram('msp_example_item_write_seconds', {
      description: 'Time to store a new item.',
      unit: 's',
    });
  return [
    {
      method: 'POST',
      path: '/items',
      handle: async (req, res) => {
        requireApiKey(req, apiKey);
        const input = parseNewItem(await readJson(req));
        const started = performance.now();
        const item = await store.create(input);
        writeSeconds.record((performance.now() - started) / 1000, { store: store.kind });
        events.record('item_created', { id: item.id, name: item.name });
        sendJson(res, 201, item, { location: `/items/${item.id}` });
      },
    },
    {
      method: 'GET',
      path: '/items',
      handle: async (_req, res) => sendJson(res, 200, { items: await store.list(LIST_LIMIT) }),
    },
    {
      method: 'GET',
      path: '/items/:id',
      handle: async (_req, res, params) => {
        const id = parseItemId(params['id']);
        const cached = await cache.get(id);
        if (isItem(cached)) {
          sendJson(res, 200, cached, { 'x-cache': 'hit' });
          return;
        }
        const item = await store.get(id);
        if (item === undefined) throw new HttpError(404, `no item ${id}`);
        await cache.set(id, item);
        sendJson(res, 200, item, { 'x-cache': cache.kind === 'off' ? 'off' : 'miss' });
      },
    },
    {
      method: 'DELETE',
      path: '/items/:id',
      handle: async (req, res, params) => {
        requireApiKey(req, apiKey);
        const id = parseItemId(params['id']);
        const existed = await store.delete(id);
        await cache.delete(id);
        if (!existed) throw new HttpError(404, `no item ${id}`);
        events.record('item_deleted', { id });
        res.writeHead(204).end();
      },
    },
  ];
}
