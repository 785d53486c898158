/**
 * Prepares parsed YAML for the schema the way yaml.v3 read the anchor's
 * specs: a number or boolean where the schema wants a string is taken as
 * written (`tag: 1.0` is "1.0", `DEBUG: true` is "true"), and a key with no
 * value (`monitoring:`) counts as absent.
 */
import type { FieldPath } from '../issues/spec-issue.js';
import type { JsonSchema } from '../schema/json-schema.js';

export function scalarsAsStrings(
  value: unknown,
  schema: JsonSchema,
  source: (path: FieldPath) => string | undefined,
  path: FieldPath = [],
): unknown {
  if (schema.type === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
    return source(path) ?? String(value);
  }
  if (Array.isArray(value)) {
    const items = schema.items;
    return items === undefined
      ? value
      : value.map((item, index) => scalarsAsStrings(item, items, source, [...path, index]));
  }
  if (typeof value !== 'object' || value === null || schema.type !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    const fieldSchema =
      schema.properties?.[key] ??
      (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
    // An empty known field is absent; an empty unknown one stays, so that it is reported.
    if (field === null && fieldSchema !== undefined) continue;
    const converted =
      fieldSchema === undefined
        ? field
        : scalarsAsStrings(field, fieldSchema, source, [...path, key]);
    Object.defineProperty(out, key, {
      value: converted,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}
