import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { HttpError } from '../http/json.js';

/**
 * Checks the `x-api-key` header against `apiKey` in constant time; without a
 * configured key, every request may write.
 * @throws HttpError 401
 */
export function requireApiKey(req: IncomingMessage, apiKey: string | undefined): void {
  if (apiKey === undefined) return;
  const given = Buffer.from(String(req.headers['x-api-key'] ?? ''));
  const expected = Buffer.from(apiKey);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new HttpError(401, 'missing or wrong x-api-key');
  }
}
