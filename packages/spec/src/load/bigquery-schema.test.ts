import { INPUT_LIMITS } from '../limits/input-limits.js';
import { checkTableSchema } from './bigquery-schema.js';

const field = (fields: string) => `[{"name": "a", "type": "RECORD", "fields": ${fields}}]`;

describe('checkTableSchema', () => {
  it('re-indents a valid schema', () => {
    const result = checkTableSchema('[{"name":"id","type":"STRING"}]', 'events', 'e.json');
    expect(result).toEqual({
      ok: true,
      schemaJSON: '[\n  {\n    "name": "id",\n    "type": "STRING"\n  }\n]',
    });
  });

  it('rejects deeply nested JSON with a located issue instead of overflowing the stack', () => {
    // Found by fuzzing: JSON.stringify of 200,000 nested arrays threw a RangeError.
    const depth = 200_000;
    const result = checkTableSchema(
      field(`${'['.repeat(depth)}${']'.repeat(depth)}`),
      't',
      't.json',
    );
    expect(result.ok || result.issue).toMatchObject({
      code: 'nesting-too-deep',
      file: 't.json',
      line: 1,
      column: 44 + INPUT_LIMITS.maxDepth - 2,
    });
  });

  it('does not count brackets inside strings', () => {
    const text = `[{"name": "${'['.repeat(500)}\\"{", "type": "STRING"}]`;
    expect(checkTableSchema(text, 't', 't.json').ok).toBe(true);
  });

  it('rejects a file over the size limit', () => {
    const text = `[${' '.repeat(INPUT_LIMITS.maxFileChars)}]`;
    const result = checkTableSchema(text, 't', 't.json');
    expect(result.ok || result.issue.code).toBe('file-too-large');
  });

  it('positions a JSON syntax error', () => {
    const result = checkTableSchema('[\n  {"name": 1', 't', 't.json');
    expect(result.ok || [result.issue.line, result.issue.column]).toEqual([2, 13]);
  });
});
