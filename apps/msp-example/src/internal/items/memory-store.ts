import { randomUUID } from 'node:crypto';
import type { Item } from './item.js';
import type { ItemStore } from './item-store.js';

/** Items in memory, for stateless mode: lost on restart, not shared between instances. */
export function memoryItemStore(): ItemStore {
  const items = new Map<string, Item>();
  return {
    kind: 'memory',
    create: async ({ name, value }) => {
      const item = { id: randomUUID(), name, value, createdAt: new Date().toISOString() };
      items.set(item.id, item);
      return item;
    },
    get: async (id) => items.get(id),
    list: async (limit) => [...items.values()].reverse().slice(0, limit),
    delete: async (id) => items.delete(id),
    deleteCreatedBefore: async (cutoff) => {
      let deleted = 0;
      for (const item of items.values()) {
        if (new Date(item.createdAt) < cutoff && items.delete(item.id)) deleted += 1;
      }
      return deleted;
    },
  };
}
