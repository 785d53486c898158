import type { Item, NewItem } from './item.js';

/** Where items live: PostgreSQL, or memory in stateless mode. */
export interface ItemStore {
  /** `postgres` or `memory`. */
  readonly kind: string;
  create(item: NewItem): Promise<Item>;
  get(id: string): Promise<Item | undefined>;
  /** The newest items first. */
  list(limit: number): Promise<Item[]>;
  /** @returns whether the item existed */
  delete(id: string): Promise<boolean>;
  /** Deletes items created before `cutoff`; @returns how many */
  deleteCreatedBefore(cutoff: Date): Promise<number>;
}
