/** Turns one ajv error into an issue input: code, path, message and hint. */
import type { ValidationError } from './compiled-validator.js';
import type { FieldPath } from '../issues/spec-issue.js';
import type { JsonSchema } from '../schema/json-schema.js';
import type { IssueInput } from '../yaml/yaml-document.js';
import { describeValue } from '../yaml/parse-yaml.js';
import { didYouMean } from './did-you-mean.js';

export function ajvIssue(error: ValidationError): IssueInput | undefined {
  const path = pointerToPath(error.instancePath);
  const parent: JsonSchema = error.parentSchema ?? {};
  const params = error.params;
  const hint = parent['x-hint'];
  const withHint = (input: IssueInput): IssueInput =>
    hint === undefined || input.hint !== undefined ? input : { ...input, hint };
  // The inner error of `propertyNames` names the key; the outer one repeats it.
  if (error.keyword === 'propertyNames') return undefined;
  if (error.propertyName !== undefined) {
    const name = error.propertyName;
    if (name === '') {
      return error.keyword === 'minLength'
        ? { code: 'too-short', path: [...path, name], at: 'key', message: 'names cannot be empty' }
        : undefined;
    }
    return {
      code: error.keyword === 'pattern' ? 'invalid-format' : 'schema-violation',
      path: [...path, name],
      at: 'key',
      message: `invalid name "${name}": ${parent['x-patternMessage'] ?? error.message ?? 'not allowed'}`,
    };
  }
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(params['additionalProperty']);
      // Older field names are accepted but never suggested.
      const current = Object.entries(parent.properties ?? {})
        .filter(([, field]) => field.deprecated !== true)
        .map(([key]) => key);
      const suggestion = didYouMean(name, current);
      return {
        code: 'unknown-field',
        path: [...path, name],
        at: 'key',
        message: `unknown field "${name}"`,
        hint:
          suggestion === undefined
            ? `allowed fields: ${current.join(', ')}`
            : `did you mean "${suggestion}"?`,
      };
    }
    case 'required': {
      const name = String(params['missingProperty']);
      const description = parent.properties?.[name]?.description;
      return {
        code: 'missing-field',
        path: [...path, name],
        at: 'key',
        message: `missing required field "${name}"`,
        ...(description === undefined ? {} : { hint: `${name}: ${description}` }),
      };
    }
    case 'type':
      return {
        code: 'wrong-type',
        path,
        message: `must be ${article(String(params['type']))}, not ${describeValue(error.data)}`,
      };
    case 'enum': {
      const allowed = (params['allowedValues'] as unknown[]).map(String);
      const suggestion =
        typeof error.data === 'string' ? didYouMean(error.data, allowed) : undefined;
      return {
        code: 'invalid-value',
        path,
        message: `invalid value ${JSON.stringify(error.data)}: must be one of ${allowed.join(', ')}`,
        ...(suggestion === undefined ? {} : { hint: `did you mean "${suggestion}"?` }),
      };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
      return withHint({
        code: 'out-of-range',
        path,
        message: `${String(error.data)} is out of range: must be ${String(params['comparison'])} ${String(params['limit'])}`,
      });
    case 'pattern':
      if (error.data === '' && parent.minLength !== undefined) return undefined; // reported by minLength
      return withHint({
        code: 'invalid-format',
        path,
        message:
          parent['x-patternMessage'] ?? `must match the pattern ${String(params['pattern'])}`,
      });
    case 'minLength':
      return {
        code: 'too-short',
        path,
        message:
          params['limit'] === 1
            ? 'must not be empty'
            : `must be at least ${String(params['limit'])} characters`,
      };
    case 'maxLength':
      return {
        code: 'too-long',
        path,
        message: `must be at most ${String(params['limit'])} characters (got ${String((error.data as string).length)})`,
      };
    case 'minItems':
      return {
        code: 'too-short',
        path,
        message:
          params['limit'] === 1
            ? 'must have at least one item'
            : `must have at least ${String(params['limit'])} items`,
      };
    case 'uniqueItems':
      return {
        code: 'not-unique',
        path: [...path, Number(params['i'])],
        message: `duplicate item ${JSON.stringify((error.data as unknown[])[Number(params['i'])])} (also at index ${String(params['j'])})`,
      };
    default:
      return {
        code: 'schema-violation',
        path,
        message: error.message ?? `violates ${error.keyword}`,
      };
  }
}

export function pointerToPath(pointer: string): FieldPath {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^(0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : segment));
}

function article(type: string): string {
  const names: Record<string, string> = {
    object: 'a mapping',
    array: 'a list',
    string: 'a string',
    integer: 'an integer',
    number: 'a number',
    boolean: 'a boolean (true or false)',
  };
  return type
    .split(',')
    .map((part) => names[part] ?? part)
    .join(' or ');
}
