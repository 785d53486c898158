import type { SpecIssue } from '../issues/spec-issue.js';
import { INPUT_LIMITS } from '../limits/input-limits.js';
import { deepJsonOffset } from '../limits/json-depth.js';

export type TableSchemaCheck =
  | { readonly ok: true; readonly schemaJSON: string }
  | { readonly ok: false; readonly issue: SpecIssue };

/**
 * A `<table>.bigquerytable.json` file: a JSON array of columns, each with a
 * name and a type. Returns it re-indented with two spaces.
 */
export function checkTableSchema(text: string, table: string, fileName: string): TableSchemaCheck {
  const fail = (
    message: string,
    line = 1,
    column = 1,
    hint?: string,
    code: SpecIssue['code'] = 'bigquery-schema',
  ): TableSchemaCheck => ({
    ok: false,
    issue: {
      code,
      severity: 'error',
      path: '',
      message: `parse schema for BigQuery table ${table}: ${message}`,
      ...(hint === undefined ? {} : { hint }),
      file: fileName,
      line,
      column,
    },
  });
  if (text.length > INPUT_LIMITS.maxFileChars)
    return fail(
      `the file has ${text.length} characters, more than the ${INPUT_LIMITS.maxFileChars} msp reads`,
      1,
      1,
      undefined,
      'file-too-large',
    );
  const deep = deepJsonOffset(text, INPUT_LIMITS.maxDepth);
  if (deep !== undefined) {
    const { line, column } = lineColumn(text, deep);
    return fail(
      `arrays and objects are nested more than ${INPUT_LIMITS.maxDepth} levels deep`,
      line,
      column,
      'a table schema needs a few levels of RECORD fields at most',
      'nesting-too-deep',
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = /position (\d+)/.exec(message)?.[1];
    const { line, column } =
      offset === undefined ? { line: 1, column: 1 } : lineColumn(text, Number(offset));
    return fail(message.replace(/ in JSON at position.*$/, ''), line, column);
  }
  if (!Array.isArray(parsed))
    return fail(
      'must be a JSON array of columns',
      1,
      1,
      'use the BigQuery JSON schema format: [{"name": "...", "type": "STRING", "mode": "REQUIRED"}]',
    );
  for (const [index, column] of parsed.entries()) {
    const record =
      typeof column === 'object' && column !== null ? (column as Record<string, unknown>) : {};
    if (typeof record['name'] !== 'string' || typeof record['type'] !== 'string') {
      return fail(`column ${index} must be an object with string "name" and "type"`);
    }
  }
  return { ok: true, schemaJSON: JSON.stringify(parsed, null, 2) };
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
