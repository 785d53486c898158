/**
 * packages/terraform-gen/schemas/: the pinned provider schemas, trimmed to the
 * types msp uses (schemas/types.json) and to what generation and the
 * conformance checker need, in the `terraform providers schema -json` format.
 * A source target: `--from DIR` names a directory of full schema dumps, one per
 * provider, named `<namespace>-<type>-<version>.json` like the trimmed files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SchemaType } from '../../packages/terraform-gen/src/conformance/schema-types.js';
import type { GeneratedFiles } from './runner.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const SCHEMAS_DIR = 'packages/terraform-gen/schemas';

/** An attribute of `terraform providers schema -json`. */
export interface TfAttribute {
  readonly type?: SchemaType;
  readonly nested_type?: TfNestedType;
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  readonly sensitive?: boolean;
  readonly deprecated?: boolean;
  readonly write_only?: boolean;
}

export interface TfNestedType {
  readonly nesting_mode: 'single' | 'list' | 'set' | 'map';
  readonly attributes?: Readonly<Record<string, TfAttribute>>;
}

export interface TfBlockType {
  readonly nesting_mode: 'single' | 'group' | 'list' | 'set' | 'map';
  readonly block: TfBlock;
  readonly min_items?: number;
  readonly max_items?: number;
}

export interface TfBlock {
  readonly attributes?: Readonly<Record<string, TfAttribute>>;
  readonly block_types?: Readonly<Record<string, TfBlockType>>;
  readonly deprecated?: boolean;
}

export interface TfSchema {
  readonly version?: number;
  readonly block: TfBlock;
}

export interface TfProviderSchemas {
  readonly provider?: TfSchema;
  readonly resource_schemas?: Readonly<Record<string, TfSchema>>;
  readonly data_source_schemas?: Readonly<Record<string, TfSchema>>;
  readonly ephemeral_resource_schemas?: Readonly<Record<string, TfSchema>>;
}

export interface TfSchemaDocument {
  readonly format_version: string;
  readonly provider_schemas: Readonly<Record<string, TfProviderSchemas>>;
}

/** A provider of schemas/types.json. */
export interface PinnedProvider {
  /** Registry source, `namespace/type`. */
  readonly source: string;
  readonly version: string;
  readonly resources: readonly string[];
  readonly dataSources: readonly string[];
  readonly ephemeralResources: readonly string[];
}

/** schemas/types.json: the providers by local name. */
export function readManifest(): { readonly providers: Readonly<Record<string, PinnedProvider>> } {
  return JSON.parse(readFileSync(join(root, SCHEMAS_DIR, 'types.json'), 'utf8')) as {
    providers: Record<string, PinnedProvider>;
  };
}

export function schemaFileName(p: PinnedProvider): string {
  return `${p.source.replace('/', '-')}-${p.version}.json`;
}

/** The trimmed schema document of a pinned provider, as committed. */
export function readSchemaFile(p: PinnedProvider): TfSchemaDocument {
  return JSON.parse(
    readFileSync(join(root, SCHEMAS_DIR, schemaFileName(p)), 'utf8'),
  ) as TfSchemaDocument;
}

/** `value` with every object's keys sorted, recursively. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

const KEPT_ATTRIBUTE_FIELDS = [
  'type',
  'nested_type',
  'required',
  'optional',
  'computed',
  'sensitive',
  'deprecated',
  'write_only',
] as const;

/** Drops what generation and checking do not need (documentation is already gone). */
function trimBlock(block: TfBlock): TfBlock {
  const out: { -readonly [K in keyof TfBlock]: TfBlock[K] } = {};
  if (block.attributes) {
    const attributes: Record<string, TfAttribute> = {};
    for (const [name, a] of Object.entries(block.attributes)) {
      const keep: Record<string, unknown> = {};
      for (const k of KEPT_ATTRIBUTE_FIELDS) {
        const value = a[k];
        if (value !== undefined)
          keep[k] = k === 'nested_type' ? trimNested(value as TfNestedType) : value;
      }
      attributes[name] = keep as TfAttribute;
    }
    out.attributes = attributes;
  }
  if (block.block_types) {
    const blockTypes: Record<string, TfBlockType> = {};
    for (const [name, b] of Object.entries(block.block_types)) {
      const keep: { -readonly [K in keyof TfBlockType]: TfBlockType[K] } = {
        nesting_mode: b.nesting_mode,
        block: trimBlock(b.block),
      };
      if (b.min_items !== undefined) keep.min_items = b.min_items;
      if (b.max_items !== undefined) keep.max_items = b.max_items;
      blockTypes[name] = keep;
    }
    out.block_types = blockTypes;
  }
  if (block.deprecated) out.deprecated = true;
  return out;
}

function trimNested(n: TfNestedType): TfNestedType {
  return {
    nesting_mode: n.nesting_mode,
    ...trimBlock(n.attributes === undefined ? {} : { attributes: n.attributes }),
  };
}

/** The trimmed schema files, from the full dumps in `from`. */
export async function generate(from: string): Promise<GeneratedFiles> {
  const files = new Map<string, string>();
  for (const p of Object.values(readManifest().providers)) {
    const file = schemaFileName(p);
    const full = JSON.parse(readFileSync(join(from, file), 'utf8')) as TfSchemaDocument;
    const address = `registry.terraform.io/${p.source}`;
    const src = full.provider_schemas[address];
    if (!src) throw new Error(`${file}: no provider_schemas["${address}"]`);
    const pick = (
      kind: 'resource_schemas' | 'data_source_schemas' | 'ephemeral_resource_schemas',
      names: readonly string[],
    ): Record<string, TfSchema> => {
      const out: Record<string, TfSchema> = {};
      for (const name of names) {
        const s = src[kind]?.[name];
        if (!s) throw new Error(`${file}: ${kind} has no ${name}`);
        out[name] = { version: s.version ?? 0, block: trimBlock(s.block) };
      }
      return out;
    };
    const trimmed: TfSchemaDocument = {
      format_version: full.format_version,
      provider_schemas: {
        [address]: {
          provider: {
            version: src.provider?.version ?? 0,
            block: trimBlock(src.provider?.block ?? {}),
          },
          resource_schemas: pick('resource_schemas', p.resources),
          data_source_schemas: pick('data_source_schemas', p.dataSources),
          ephemeral_resource_schemas: pick('ephemeral_resource_schemas', p.ephemeralResources),
        },
      },
    };
    files.set(`${SCHEMAS_DIR}/${file}`, JSON.stringify(sortKeys(trimmed), null, 1) + '\n');
  }
  return files;
}
