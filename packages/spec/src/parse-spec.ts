import type { YamlDocument } from './yaml/yaml-document.js';
import { parseYaml } from './yaml/parse-yaml.js';

/** A parsed service.yaml, ready for {@link validateSpec}. */
export type SpecDocument = YamlDocument;

/**
 * Parses service.yaml text with source positions. Never throws on bad
 * input: YAML syntax errors, duplicate keys, an empty file or a document that
 * is not a mapping are returned in `issues`, each with line and column.
 */
export function parseSpec(text: string, fileName = 'service.yaml'): SpecDocument {
  return parseYaml(text, fileName);
}
