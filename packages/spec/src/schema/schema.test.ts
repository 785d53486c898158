import type { JsonSchema } from './json-schema.js';
import { platformSchema } from './platform-schema.js';
import { serviceSchema } from './service-schema.js';

/** Every field of a schema, with its path. */
function* fields(schema: JsonSchema, path: string): Generator<[string, JsonSchema]> {
  for (const [key, field] of Object.entries(schema.properties ?? {})) {
    yield [`${path}.${key}`, field];
    yield* fields(field, `${path}.${key}`);
  }
  if (schema.items) yield* fields(schema.items, `${path}[]`);
  if (typeof schema.additionalProperties === 'object') {
    yield [`${path}.<name>`, schema.additionalProperties];
    yield* fields(schema.additionalProperties, `${path}.<name>`);
  }
}

describe.each([
  ['service.yaml', serviceSchema],
  ['msp.config.yaml', platformSchema],
])('the %s schema', (_, schema) => {
  const all = [...fields(schema, '')];

  it('describes every field', () => {
    expect(all.length).toBeGreaterThan(30);
    expect(
      all.filter(([, field]) => (field.description ?? '').trim() === '').map(([path]) => path),
    ).toEqual([]);
  });

  it('closes every object, so unknown keys are errors', () => {
    const open = all.filter(
      ([, field]) => field.type === 'object' && field.additionalProperties === undefined,
    );
    expect(open.map(([path]) => path)).toEqual([]);
  });

  it('explains every pattern in words', () => {
    const unexplained = all.filter(
      ([, field]) => field.pattern !== undefined && field['x-patternMessage'] === undefined,
    );
    expect(unexplained.map(([path]) => path)).toEqual([]);
  });
});
