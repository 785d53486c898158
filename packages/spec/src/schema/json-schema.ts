/**
 * The subset of JSON Schema (draft-07) that msp's schemas are written in, plus
 * two annotations of our own that ajv is taught to ignore: `x-hint` (a fix
 * suggestion shown with structural errors) and `x-patternMessage` (what a
 * `pattern` means, in words).
 */
export interface JsonSchema {
  readonly $schema?: string;
  readonly $id?: string;
  readonly title?: string;
  readonly description?: string;
  readonly type?: JsonType | readonly JsonType[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly propertyNames?: JsonSchema;
  readonly items?: JsonSchema;
  readonly enum?: readonly (string | number)[];
  readonly default?: unknown;
  readonly examples?: readonly unknown[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly uniqueItems?: boolean;
  readonly minProperties?: number;
  readonly pattern?: string;
  readonly deprecated?: boolean;
  readonly 'x-hint'?: string;
  readonly 'x-patternMessage'?: string;
}

export type JsonType = 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'null';

/** The non-standard annotation keywords our schemas use. */
export const ANNOTATION_KEYWORDS = ['x-hint', 'x-patternMessage'] as const;
