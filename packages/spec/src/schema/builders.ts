/**
 * Small constructors that keep the schema definitions readable. Every object
 * is closed (`additionalProperties: false`) so unknown keys are errors.
 */
import type { JsonSchema } from './json-schema.js';

type Extra = Omit<JsonSchema, 'description' | 'type'>;

export function str(description: string, extra: Extra = {}): JsonSchema {
  return { type: 'string', description, ...extra };
}

export function int(description: string, extra: Extra = {}): JsonSchema {
  return { type: 'integer', description, ...extra };
}

export function num(description: string, extra: Extra = {}): JsonSchema {
  return { type: 'number', description, ...extra };
}

export function bool(description: string, extra: Extra = {}): JsonSchema {
  return { type: 'boolean', description, ...extra };
}

export function oneOf(
  description: string,
  values: readonly string[],
  extra: Extra = {},
): JsonSchema {
  return { type: 'string', description, enum: values, ...extra };
}

export function list(description: string, items: JsonSchema, extra: Extra = {}): JsonSchema {
  return { type: 'array', description, items, ...extra };
}

/** A string → value map whose keys are free-form. */
export function dict(description: string, values: JsonSchema, extra: Extra = {}): JsonSchema {
  return { type: 'object', description, additionalProperties: values, ...extra };
}

/** A closed object. `title` names the generated TypeScript interface. */
export function obj(
  title: string,
  description: string,
  properties: Readonly<Record<string, JsonSchema>>,
  extra: Extra = {},
): JsonSchema {
  return { title, type: 'object', description, properties, additionalProperties: false, ...extra };
}

/** Marks a field as an older spelling kept for compatibility. */
export function deprecated(schema: JsonSchema, replacement: string): JsonSchema {
  return {
    ...schema,
    description: `Deprecated: use ${replacement} instead. ${schema.description ?? ''}`.trim(),
    deprecated: true,
  };
}
