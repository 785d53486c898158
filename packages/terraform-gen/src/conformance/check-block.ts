import { closest } from './closest.js';
import { checkAttribute, type ValueProblem } from './check-value.js';
import type { SchemaBlock, SchemaBlockType } from './schema-types.js';

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/**
 * Checks a block body against its schema: unknown arguments and blocks (with
 * a suggestion), read-only attributes, missing required arguments, block
 * nesting and item counts, and literal value types. `meta` names the
 * meta-arguments allowed at this level (`depends_on`, `lifecycle`, ...).
 */
export function checkBlock(
  body: unknown,
  block: SchemaBlock,
  path: string,
  out: ValueProblem[],
  meta: ReadonlySet<string> = new Set(),
): void {
  if (!isObject(body))
    return void out.push({ path: path || '.', message: 'expected a block object' });
  const dynamicNames = new Set(isObject(body['dynamic']) ? Object.keys(body['dynamic']) : []);
  for (const [key, value] of Object.entries(body)) {
    const here = join(path, key);
    if (meta.has(key)) continue;
    if (key === 'dynamic') {
      checkDynamic(value, block, here, out);
      continue;
    }
    const attr = block.attributes[key];
    if (attr !== undefined) {
      if (!attr.required && !attr.optional)
        out.push({ path: here, message: `"${key}" is read-only (computed)` });
      else checkAttribute(value, attr, here, out);
      continue;
    }
    const nested = block.blocks[key];
    if (nested !== undefined) {
      checkNested(value, nested, here, out);
      continue;
    }
    const names = [...Object.keys(block.attributes), ...Object.keys(block.blocks)];
    const suggestion = closest(key, names);
    out.push({
      path: here,
      message: `unknown argument or block "${key}"${suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`}`,
    });
  }
  for (const [key, attr] of Object.entries(block.attributes)) {
    if (attr.required && !(key in body))
      out.push({ path: join(path, key), message: `missing required argument "${key}"` });
  }
  for (const [key, nested] of Object.entries(block.blocks)) {
    if ((nested.min ?? 0) > 0 && !(key in body) && !dynamicNames.has(key)) {
      out.push({
        path: join(path, key),
        message: `missing required block "${key}" (at least ${nested.min})`,
      });
    }
  }
}

function checkNested(
  value: unknown,
  nested: SchemaBlockType,
  path: string,
  out: ValueProblem[],
): void {
  if (nested.nesting === 'single' || nested.nesting === 'group') {
    if (Array.isArray(value))
      return void out.push({ path, message: 'expected one block (an object), got a list' });
    return checkBlock(value, nested.block, path, out);
  }
  if (nested.nesting === 'map') {
    if (!isObject(value)) return void out.push({ path, message: 'expected a map of blocks' });
    for (const [k, v] of Object.entries(value)) checkBlock(v, nested.block, `${path}["${k}"]`, out);
    return;
  }
  const items = Array.isArray(value) ? value : [value];
  if (nested.max !== undefined && items.length > nested.max) {
    out.push({ path, message: `at most ${nested.max} block(s) allowed, got ${items.length}` });
  }
  if (nested.min !== undefined && items.length < nested.min) {
    out.push({ path, message: `at least ${nested.min} block(s) required, got ${items.length}` });
  }
  items.forEach((item, i) => checkBlock(item, nested.block, `${path}[${i}]`, out));
}

/** `dynamic.<block> = { for_each, iterator?, content }`: the content must fit the block. */
function checkDynamic(value: unknown, block: SchemaBlock, path: string, out: ValueProblem[]): void {
  if (!isObject(value))
    return void out.push({ path, message: 'expected an object of dynamic blocks' });
  for (const [name, spec] of Object.entries(value)) {
    const nested = block.blocks[name];
    const here = `${path}.${name}`;
    if (nested === undefined) {
      out.push({ path: here, message: `no block type "${name}" to generate dynamically` });
    } else if (!isObject(spec) || !('for_each' in spec) || !('content' in spec)) {
      out.push({ path: here, message: 'a dynamic block needs "for_each" and "content"' });
    } else {
      checkBlock(spec['content'], nested.block, `${here}.content`, out);
    }
  }
}
