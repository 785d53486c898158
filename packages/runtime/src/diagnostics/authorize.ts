import { createHash, timingSafeEqual } from 'node:crypto';

export type Authorization =
  | { readonly ok: true }
  | { readonly ok: false; readonly status: 400 | 401; readonly message: string };

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/**
 * Checks an `Authorization: Bearer <secret>` header against the diagnostics
 * secret. Without a secret everything is allowed (local development). The
 * comparison takes the same time whatever the token, including its length:
 * both sides are hashed to equal-length digests first.
 *
 * It keeps probes and casual callers out; it is not meant to protect
 * sensitive data.
 */
export function authorizeDiagnostics(
  header: string | undefined,
  secret: string | undefined,
): Authorization {
  if (secret === undefined) return { ok: true };
  let token = '';
  if (header !== undefined && header !== '') {
    const space = header.indexOf(' ');
    if (space < 0)
      return { ok: false, status: 400, message: 'token type missing in Authorization header' };
    const type = header.slice(0, space);
    if (type.toLowerCase() !== 'bearer')
      return { ok: false, status: 400, message: `invalid token type ${type}` };
    token = header.slice(space + 1).trim();
  }
  return timingSafeEqual(digest(token), digest(secret))
    ? { ok: true }
    : { ok: false, status: 401, message: 'unauthorized' };
}
