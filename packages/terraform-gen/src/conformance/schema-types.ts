/**
 * The compact form of a pinned provider schema that the conformance checker
 * reads: the parts of `terraform providers schema -json` that decide whether
 * a configuration is valid.
 */

export type SchemaType =
  | 'string'
  | 'number'
  | 'bool'
  | 'dynamic'
  | readonly ['list' | 'set' | 'map', SchemaType]
  | readonly ['object', Readonly<Record<string, SchemaType>>]
  | readonly ['tuple', readonly SchemaType[]];

export interface SchemaAttribute {
  /** Absent for nested attributes. */
  readonly type?: SchemaType;
  readonly nested?: {
    readonly nesting: 'single' | 'list' | 'set' | 'map';
    readonly attributes: Readonly<Record<string, SchemaAttribute>>;
  };
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
}

export interface SchemaBlockType {
  readonly nesting: 'single' | 'group' | 'list' | 'set' | 'map';
  readonly min?: number;
  readonly max?: number;
  readonly block: SchemaBlock;
}

export interface SchemaBlock {
  readonly attributes: Readonly<Record<string, SchemaAttribute>>;
  readonly blocks: Readonly<Record<string, SchemaBlockType>>;
}

export interface ProviderSchema {
  /** Registry source, e.g. `hashicorp/google`. */
  readonly source: string;
  readonly version: string;
  readonly provider: SchemaBlock;
  readonly resources: Readonly<Record<string, SchemaBlock>>;
  readonly dataSources: Readonly<Record<string, SchemaBlock>>;
  readonly ephemeralResources: Readonly<Record<string, SchemaBlock>>;
}
