import { isExpression } from '../expression.js';
import type { SchemaAttribute, SchemaType } from './schema-types.js';

/** One way a value does not match its schema. */
export interface ValueProblem {
  /** Path inside the object, e.g. `template[0].timeout`. */
  readonly path: string;
  readonly message: string;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function describe(t: SchemaType): string {
  return typeof t === 'string' ? t : `${t[0]}(...)`;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** An interpolated string stands for any type: its value is only known to Terraform. */
function unknowable(v: unknown): boolean {
  return typeof v === 'string' && isExpression(v);
}

/** Checks a literal value against an attribute type; interpolations are skipped. */
export function checkType(
  value: unknown,
  type: SchemaType,
  path: string,
  out: ValueProblem[],
): void {
  if (unknowable(value) || type === 'dynamic' || value === null) return;
  const wrong = (): void => {
    out.push({ path, message: `expected ${describe(type)}, got ${JSON.stringify(value)}` });
  };
  if (type === 'string') return void (typeof value === 'string' || wrong());
  if (type === 'number') return void (typeof value === 'number' || wrong());
  if (type === 'bool') return void (typeof value === 'boolean' || wrong());
  const [kind, inner] = type;
  if (kind === 'list' || kind === 'set') {
    if (!Array.isArray(value)) return wrong();
    value.forEach((v, i) => checkType(v, inner, `${path}[${i}]`, out));
  } else if (kind === 'map') {
    if (!isObject(value)) return wrong();
    for (const [k, v] of Object.entries(value)) checkType(v, inner, `${path}["${k}"]`, out);
  } else if (kind === 'object') {
    if (!isObject(value)) return wrong();
    for (const [k, v] of Object.entries(value)) {
      const t = inner[k];
      if (t === undefined)
        out.push({ path: join(path, k), message: `unknown object attribute "${k}"` });
      else checkType(v, t, join(path, k), out);
    }
  } else if (kind === 'tuple') {
    if (!Array.isArray(value)) return wrong();
    value.forEach((v, i) => {
      const t = inner[i];
      if (t !== undefined) checkType(v, t, `${path}[${i}]`, out);
    });
  }
}

/** Checks one attribute value, including nested attribute objects. */
export function checkAttribute(
  value: unknown,
  attr: SchemaAttribute,
  path: string,
  out: ValueProblem[],
): void {
  if (attr.type !== undefined) return checkType(value, attr.type, path, out);
  const nested = attr.nested;
  if (nested === undefined || unknowable(value) || value === null) return;
  const one = (v: unknown, p: string) => {
    if (unknowable(v)) return;
    if (!isObject(v))
      return void out.push({ path: p, message: `expected an object, got ${JSON.stringify(v)}` });
    checkAttributes(v, nested.attributes, p, out);
  };
  if (nested.nesting === 'single') return one(value, path);
  if (nested.nesting === 'map') {
    if (!isObject(value)) return void out.push({ path, message: 'expected a map of objects' });
    for (const [k, v] of Object.entries(value)) one(v, `${path}["${k}"]`);
    return;
  }
  if (!Array.isArray(value)) return void out.push({ path, message: 'expected a list of objects' });
  value.forEach((v, i) => one(v, `${path}[${i}]`));
}

/** Checks an object against a set of attributes: unknown, read-only and missing required ones. */
export function checkAttributes(
  value: Readonly<Record<string, unknown>>,
  attributes: Readonly<Record<string, SchemaAttribute>>,
  path: string,
  out: ValueProblem[],
): void {
  for (const [k, v] of Object.entries(value)) {
    const attr = attributes[k];
    if (attr === undefined) out.push({ path: join(path, k), message: `unknown attribute "${k}"` });
    else checkAttribute(v, attr, join(path, k), out);
  }
  for (const [k, attr] of Object.entries(attributes)) {
    if (attr.required && !(k in value))
      out.push({ path: join(path, k), message: `missing required attribute "${k}"` });
  }
}
