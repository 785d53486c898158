/**
 * A small YAML emitter for the plain data msp scaffolds (maps, lists and
 * scalars), in block style with two-space indents, matching how specs are
 * written by hand. Strings that YAML would read as something else are quoted.
 */
export type YamlValue =
  string | number | boolean | readonly YamlValue[] | { readonly [key: string]: YamlValue };

const plain = /^[A-Za-z0-9_./@][A-Za-z0-9_./@ -]*$/;
const ambiguous = /^(true|false|yes|no|on|off|null|~|[-+]?[0-9][0-9_.eE+-]*|0x[0-9a-fA-F]+)$/i;

export function yamlScalar(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  return plain.test(value) && !ambiguous.test(value) && !value.endsWith(' ')
    ? value
    : JSON.stringify(value);
}

function isMap(value: YamlValue): value is { readonly [key: string]: YamlValue } {
  return typeof value === 'object' && !Array.isArray(value);
}

/** Lines of `value` at `indent` spaces; a map inside a list starts on the dash line. */
export function yamlLines(value: YamlValue, indent = 0): string[] {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    return value.flatMap((item: YamlValue) => {
      if (typeof item !== 'object') return [`${pad}- ${yamlScalar(item)}`];
      const [first = '', ...rest] = yamlLines(item, indent + 2);
      return [`${pad}- ${first.trimStart()}`, ...rest];
    });
  }
  if (isMap(value)) {
    return Object.entries(value).flatMap(([key, item]) =>
      typeof item === 'object'
        ? [`${pad}${yamlScalar(key)}:`, ...yamlLines(item, indent + 2)]
        : [`${pad}${yamlScalar(key)}: ${yamlScalar(item)}`],
    );
  }
  return [`${pad}${yamlScalar(value as string | number | boolean)}`];
}
