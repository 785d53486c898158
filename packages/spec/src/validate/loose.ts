/**
 * The shape of a spec whose structure may be partly malformed: the
 * structural check removed every malformed value (see `withoutMalformed`), so
 * whatever is present has its declared type, but any field may be missing and
 * any list item may be a hole. Semantic rules read specs through this type, so
 * the compiler makes each of them guard its own inputs.
 */
export type Loose<T> = T extends readonly (infer Item)[]
  ? (Loose<Item> | undefined)[]
  : T extends object
    ? { [K in keyof T]?: Loose<T[K]> }
    : T;

/** True for a value the caller can read fields of. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
