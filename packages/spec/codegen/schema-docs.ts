/** Renders a schema as Markdown reference tables, one per object. */
import type { JsonSchema } from '../src/schema/json-schema.js';

interface Section {
  readonly path: string;
  readonly schema: JsonSchema;
}

export function renderSchemaDocs(
  title: string,
  intro: string,
  schema: JsonSchema,
  marker: string,
): string {
  const sections: Section[] = [];
  collectObjects('', schema, sections);
  const lines = [`<!-- ${marker} -->`, '', `# ${title}`, '', intro, ''];
  for (const { path, schema: object } of sections) {
    lines.push(
      `## ${path === '' ? '(top level)' : `\`${path}\``}`,
      '',
      escapeCell(object.description ?? ''),
      '',
    );
    lines.push('| field | type | required | default | description |', '|---|---|---|---|---|');
    const required = new Set(object.required ?? []);
    for (const [key, field] of Object.entries(object.properties ?? {})) {
      const name = field.deprecated ? `~~\`${key}\`~~` : `\`${key}\``;
      lines.push(
        `| ${name} | ${typeOf(field)} | ${required.has(key) ? 'yes' : ''} | ${defaultOf(field)} | ${escapeCell(describe(field))} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}

function collectObjects(path: string, schema: JsonSchema, out: Section[]): void {
  if (schema.properties) {
    out.push({ path, schema });
    for (const [key, field] of Object.entries(schema.properties)) {
      collectObjects(path === '' ? key : `${path}.${key}`, field, out);
    }
  }
  if (schema.items) collectObjects(`${path}[]`, schema.items, out);
  if (typeof schema.additionalProperties === 'object') {
    collectObjects(`${path}.<name>`, schema.additionalProperties, out);
  }
}

function typeOf(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.map((value) => `\`${String(value)}\``).join(' \\| ');
  if (schema.type === 'array' && schema.items) return `list of ${typeOf(schema.items)}`;
  if (schema.type === 'object' && typeof schema.additionalProperties === 'object') {
    return `map of ${typeOf(schema.additionalProperties)}`;
  }
  return Array.isArray(schema.type) ? schema.type.join(' \\| ') : String(schema.type ?? 'any');
}

function defaultOf(schema: JsonSchema): string {
  return schema.default === undefined ? '' : `\`${JSON.stringify(schema.default)}\``;
}

function describe(schema: JsonSchema): string {
  const limits: string[] = [];
  if (schema.minimum !== undefined) limits.push(`min ${schema.minimum}`);
  if (schema.maximum !== undefined) limits.push(`max ${schema.maximum}`);
  if (schema.maxLength !== undefined) limits.push(`at most ${schema.maxLength} characters`);
  if (schema.minItems !== undefined) limits.push(`at least ${schema.minItems} item(s)`);
  if (schema.pattern !== undefined) limits.push(`pattern \`${schema.pattern}\``);
  const suffix = limits.length > 0 ? ` (${limits.join(', ')})` : '';
  return `${schema.description ?? ''}${suffix}`;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
