import type { FieldPath, SpecIssue } from '../issues/spec-issue.js';
import type { JsonSchema } from '../schema/json-schema.js';
import type { YamlDocument } from '../yaml/yaml-document.js';
import { issueIn } from '../yaml/yaml-document.js';
import { ajvIssue } from './ajv-issue.js';
import type { CompiledValidator } from './compiled-validator.js';
import { scalarsAsStrings } from './scalars-as-strings.js';

export type StructureResult<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly issues: readonly SpecIssue[];
      /** The checked value (scalars as strings where the schema wants strings). */
      readonly value: unknown;
      /** Where the malformed values are (a missing field is not one). */
      readonly malformed: readonly FieldPath[];
    };

/**
 * Checks `doc.value` against `schema` with `validate`, its validator
 * precompiled by codegen, and returns it typed, or every structural issue,
 * positioned in the document.
 */
export function checkStructure<T>(
  doc: YamlDocument,
  schema: JsonSchema,
  validate: CompiledValidator,
): StructureResult<T> {
  const value = scalarsAsStrings(doc.value, schema, (path) => doc.scalarSource(path));
  if (validate(value)) return { ok: true, value: value as T };
  const issues: SpecIssue[] = [];
  const malformed: FieldPath[] = [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    const input = ajvIssue(error);
    if (input === undefined) continue;
    if (input.code !== 'missing-field') malformed.push(input.path);
    const issue = issueIn(doc, input);
    const key = `${issue.path}\u0000${issue.code}\u0000${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return { ok: false, issues, value, malformed };
}
