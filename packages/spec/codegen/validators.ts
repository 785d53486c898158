/**
 * Compiles the JSON Schemas into standalone validation code ahead of time, so
 * that validating a spec never loads or runs the ajv compiler: the generated
 * modules are plain functions. Options match what the validator needs at run
 * time: every error at once, with the offending data and parent schema.
 */
import { Ajv } from 'ajv';
import standalone from 'ajv/dist/standalone/index.js';
import type { JsonSchema } from '../src/schema/json-schema.js';
import { ANNOTATION_KEYWORDS } from '../src/schema/json-schema.js';

/** ajv's run-time helpers that generated code may call, and our equivalents in src/validate/. */
const RUNTIME_HELPERS: Readonly<Record<string, { name: string; module: string }>> = {
  'ajv/dist/runtime/ucs2length': { name: 'ucs2length', module: '../validate/ucs2length.js' },
};

/**
 * TypeScript source of a module exporting `exportName`, a `CompiledValidator`
 * for `schema`. The code is ajv's, unchanged but for its exports and imports.
 */
export function validatorFile(schema: JsonSchema, exportName: string, marker: string): string {
  const ajv = new Ajv({
    allErrors: true,
    verbose: true,
    strict: true,
    allowUnionTypes: true,
    code: { source: true, esm: true, lines: true },
  });
  for (const keyword of ANNOTATION_KEYWORDS) ajv.addKeyword({ keyword, schemaType: 'string' });
  const compiled = ajv.compile(schema);
  // The module is CommonJS whose exports object is the function itself.
  const source = (standalone as unknown as typeof standalone.default)(ajv, compiled);
  const header = /^"use strict";\nexport const validate = (\w+);\nexport default \w+;\n/.exec(
    source,
  );
  if (header === null) throw new Error('unexpected ajv standalone output: no export header');
  const entry = header[1] as string;
  const imports = new Set<string>();
  let body = source
    .slice(header[0].length)
    .replace(/require\("([^"]+)"\)\.default/g, (_match: string, specifier: string) => {
      const helper = RUNTIME_HELPERS[specifier];
      if (helper === undefined)
        throw new Error(`ajv standalone code needs ${specifier}: add it to RUNTIME_HELPERS`);
      imports.add(`import { ${helper.name} } from '${helper.module}';`);
      return helper.name;
    });
  if (body.includes('require(')) throw new Error('ajv standalone code still calls require()');
  body = eagerlyCompiled(body.trimEnd(), entry);
  return [
    `/* ${marker} */`,
    '// @ts-nocheck -- ajv standalone code, compiled from the schema by codegen/validators.ts',
    "import type { CompiledValidator } from '../validate/compiled-validator.js';",
    ...imports,
    '',
    body,
    '',
    `export const ${exportName}: CompiledValidator = ${entry};`,
    '',
  ].join('\n');
}

/**
 * `body` with its entry function, its last statement, as a parenthesized function
 * expression: V8 compiles those with the module instead of on first call, so the
 * CLI's on-disk compile cache holds the validator's bytecode (hundreds of kilobytes of
 * source) and a cold `msp` run does not compile it again.
 */
function eagerlyCompiled(body: string, entry: string): string {
  const declaration = `\nfunction ${entry}(`;
  const start = body.indexOf(declaration);
  if (start === -1 || body.indexOf(declaration, start + 1) !== -1 || !body.endsWith('\n}'))
    throw new Error(`unexpected ajv standalone output: ${entry} is not one function at the end`);
  return `${body.slice(0, start)}\nconst ${entry} = (function ${entry}(${body.slice(start + declaration.length)});`;
}
