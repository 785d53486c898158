import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { SpecError, UsageError } from '../errors.js';
import { parseSpec } from '../parse-spec.js';

/**
 * Appends an environment to service.yaml text, keeping comments. The
 * environment is a mapping, given as YAML text (its comments are kept too) or
 * as plain data.
 * @throws {SpecError} when the spec text is not valid YAML.
 * @throws {UsageError} when the environment is not a mapping or the spec has no `environments` list.
 */
export function appendEnvironment(
  specText: string,
  environment: string | Readonly<Record<string, unknown>>,
): string {
  const parsed = parseSpec(specText);
  if (parsed.value === undefined) throw new SpecError(parsed.issues);
  const doc = parseDocument(specText, { uniqueKeys: false, merge: true });
  const source = typeof environment === 'string' ? parseDocument(environment) : undefined;
  const node = source === undefined ? doc.createNode(environment) : source.contents;
  if (!isMap(node)) throw new UsageError('environment spec must be a YAML mapping');
  // A comment above the first key belongs above the item's "- ", not after it.
  const firstKey = node.items[0]?.key;
  const leading = [source?.commentBefore, isScalar(firstKey) ? firstKey.commentBefore : undefined]
    .filter((comment) => typeof comment === 'string' && comment !== '')
    .join('\n');
  if (isScalar(firstKey)) delete firstKey.commentBefore;
  if (leading !== '') node.commentBefore = leading;
  const environments = doc.get('environments', true);
  if (!isSeq(environments)) {
    throw new UsageError('spec "environments" field not found (or not a list)');
  }
  environments.items.push(node);
  return doc.toString({ indent: 2, lineWidth: 0 });
}
