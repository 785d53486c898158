import { HttpError } from '../http/json.js';

export interface Item {
  readonly id: string;
  readonly name: string;
  /** Any JSON value, or null. */
  readonly value: unknown;
  readonly createdAt: string;
}

/** True for a value shaped like an {@link Item}, such as one read back from the cache. */
export function isItem(value: unknown): value is Item {
  if (typeof value !== 'object' || value === null) return false;
  const { id, name, createdAt } = value as Record<string, unknown>;
  return typeof id === 'string' && typeof name === 'string' && typeof createdAt === 'string';
}

export interface NewItem {
  readonly name: string;
  readonly value: unknown;
}

/** Checks a request body: `{ "name": string (1–200 chars), "value"?: any JSON }`. @throws HttpError 400 */
export function parseNewItem(body: unknown): NewItem {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'expected a JSON object such as {"name": "apple", "value": 3}');
  }
  const { name, value } = body as Record<string, unknown>;
  if (typeof name !== 'string' || name.length < 1 || name.length > 200) {
    throw new HttpError(400, 'name: expected a string of 1 to 200 characters');
  }
  return { name, value: value ?? null };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** @throws HttpError 404 for an ID that cannot exist */
export function parseItemId(id: string | undefined): string {
  if (id === undefined || !UUID.test(id)) throw new HttpError(404, `no item ${id ?? ''}`);
  return id.toLowerCase();
}
