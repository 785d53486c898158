import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';
import type { SpecIssue } from '../issues/spec-issue.js';
import type { JsonSchema } from '../schema/json-schema.js';
import { ANNOTATION_KEYWORDS } from '../schema/json-schema.js';
import type { YamlDocument } from '../yaml/yaml-document.js';
import { issueIn } from '../yaml/yaml-document.js';
import { ajvIssue } from './ajv-issue.js';
import { scalarsAsStrings } from './scalars-as-strings.js';

/** Compiled validators, one per schema; compiling is pure, so caching it is safe. */
const validators = new WeakMap<JsonSchema, ValidateFunction>();

function validatorFor(schema: JsonSchema): ValidateFunction {
  let validate = validators.get(schema);
  if (validate === undefined) {
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
    for (const keyword of ANNOTATION_KEYWORDS) ajv.addKeyword({ keyword, schemaType: 'string' });
    validate = ajv.compile(schema);
    validators.set(schema, validate);
  }
  return validate;
}

export type StructureResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly SpecIssue[] };

/**
 * Checks `doc.value` against `schema` and returns it typed, or every
 * structural issue, positioned in the document.
 */
export function checkStructure<T>(doc: YamlDocument, schema: JsonSchema): StructureResult<T> {
  const value = scalarsAsStrings(doc.value, schema, (path) => doc.scalarSource(path));
  const validate = validatorFor(schema);
  if (validate(value)) return { ok: true, value: value as T };
  const issues: SpecIssue[] = [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    const input = ajvIssue(error);
    if (input === undefined) continue;
    const issue = issueIn(doc, input);
    const key = `${issue.path}\u0000${issue.code}\u0000${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return { ok: false, issues };
}
