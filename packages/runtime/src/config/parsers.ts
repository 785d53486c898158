/**
 * Parsers from an environment variable's raw text to a typed value, shared by
 * service-defined variables and the contract table.
 */
import { parseDuration } from './duration.js';

export type ParseResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

export type Parser<T> = (raw: string) => ParseResult<T>;

export const ok = <T>(value: T): ParseResult<T> => ({ ok: true, value });
export const fail = (problem: string): ParseResult<never> => ({ ok: false, problem });

const TRUE = new Set(['true', '1', 'yes', 'on']);
const FALSE = new Set(['false', '0', 'no', 'off']);

export const parseString: Parser<string> = (raw) => ok(raw);

export const parseBoolean: Parser<boolean> = (raw) => {
  const lower = raw.toLowerCase();
  if (TRUE.has(lower)) return ok(true);
  if (FALSE.has(lower)) return ok(false);
  return fail('must be a boolean: true or false');
};

export const parseInteger: Parser<number> = (raw) =>
  /^-?\d+$/.test(raw) && Number.isSafeInteger(Number(raw))
    ? ok(Number(raw))
    : fail('must be an integer');

export const parseDurationMs: Parser<number> = (raw) => {
  const ms = parseDuration(raw);
  return ms === undefined
    ? fail('must be a duration with a unit, such as 300s, 5m or 1h30m')
    : ok(ms);
};

export const parseUrl: Parser<string> = (raw) => {
  try {
    new URL(raw);
    return ok(raw);
  } catch {
    return fail('must be an absolute URL, such as https://example.com/path');
  }
};

export function parseOneOf<const V extends string>(values: readonly V[]): Parser<V> {
  return (raw) => {
    const match = values.find((value) => value === raw);
    return match === undefined ? fail(`must be one of ${values.join(', ')}`) : ok(match);
  };
}

export const parseList: Parser<readonly string[]> = (raw) =>
  ok(
    raw
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item.length > 0),
  );
