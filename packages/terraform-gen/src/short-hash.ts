import { createHash } from 'node:crypto';

/**
 * The first 8 hex digits of the SHA-256 of `parts` joined by newlines: a name
 * suffix that changes whenever one of the parts does, for resources replaced
 * with `create_before_destroy` (the new one must not take the old one's name).
 */
export function shortHash(...parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 8);
}
