/**
 * The shape of the validators precompiled from the JSON Schemas
 * (src/generated/*-validator.ts, written by `npm run codegen`): ajv's
 * standalone functions, typed with the parts of ajv's error objects we read.
 */
import type { JsonSchema } from '../schema/json-schema.js';

/** One structural error, as ajv reports it with `allErrors` and `verbose`. */
export interface ValidationError {
  readonly keyword: string;
  /** JSON Pointer of the offending value (`/environments/0/id`). */
  readonly instancePath: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message?: string;
  /** Set for errors about a key (propertyNames). */
  readonly propertyName?: string;
  readonly parentSchema?: JsonSchema;
  readonly data?: unknown;
}

export interface CompiledValidator {
  (data: unknown): boolean;
  /** The errors of the last call; null or undefined when it passed. */
  errors?: readonly ValidationError[] | null;
}
