/**
 * The Terraform JSON document model: fragments that resource builders
 * return and stacks merge. Argument types come from the pinned provider
 * schemas (src/generated); this file adds Terraform's own meta-arguments.
 */
import type { DataSourceArgs, EphemeralResourceArgs, ResourceArgs } from './generated/index.js';

export interface Lifecycle {
  readonly prevent_destroy?: boolean;
  readonly create_before_destroy?: boolean;
  /** Attribute paths in Terraform JSON traversal syntax, e.g. `template[0].containers[0].image`. */
  readonly ignore_changes?: readonly string[];
}

export interface ResourceMeta {
  /** Addresses such as `google_project_iam_member.x`. */
  readonly depends_on?: readonly string[];
  readonly lifecycle?: Lifecycle;
  /** `<provider>.<alias>` */
  readonly provider?: string;
  /** Blocks generated from a collection (`dynamic "<block>" { for_each, content }`). */
  readonly dynamic?: Readonly<
    Record<
      string,
      {
        readonly for_each: string;
        readonly iterator?: string;
        readonly content: Readonly<Record<string, unknown>>;
      }
    >
  >;
}

export type ResourceType = keyof ResourceArgs & string;
export type DataSourceType = keyof DataSourceArgs & string;
export type EphemeralResourceType = keyof EphemeralResourceArgs & string;
export type ResourceBody<T extends ResourceType> = ResourceArgs[T] & ResourceMeta;
export type EphemeralResourceBody<T extends EphemeralResourceType> = EphemeralResourceArgs[T] &
  Pick<ResourceMeta, 'depends_on' | 'provider'>;
export type DataSourceBody<T extends DataSourceType> = DataSourceArgs[T] &
  Pick<ResourceMeta, 'depends_on' | 'provider'>;

/** Terraform's built-in `terraform_remote_state` data source. */
export interface RemoteStateBody {
  readonly backend: 'remote' | 'gcs';
  readonly config: Readonly<Record<string, unknown>>;
}

export type ResourceBlocks = {
  readonly [T in ResourceType]?: Readonly<Record<string, ResourceBody<T>>>;
};
export type DataBlocks = {
  readonly [T in DataSourceType]?: Readonly<Record<string, DataSourceBody<T>>>;
} & {
  readonly terraform_remote_state?: Readonly<Record<string, RemoteStateBody>>;
};

export type EphemeralBlocks = {
  readonly [T in EphemeralResourceType]?: Readonly<Record<string, EphemeralResourceBody<T>>>;
};

export interface OutputBlock {
  readonly value: unknown;
  readonly description: string;
  readonly sensitive?: boolean;
}

export interface VariableBlock {
  readonly type: string;
  readonly description: string;
  readonly sensitive?: boolean;
  /** Format checks Terraform runs on the supplied value at plan time. */
  readonly validation?: readonly { readonly condition: string; readonly error_message: string }[];
}

/** The top-level `terraform` block. */
export interface TerraformSettings {
  readonly required_version: string;
  readonly required_providers: Readonly<
    Record<string, { readonly source: string; readonly version: string }>
  >;
  readonly cloud?: {
    readonly hostname: string;
    readonly organization: string;
    readonly workspaces: { readonly name: string };
  };
  /** Without `bucket`, a partial configuration: `terraform init -backend-config=bucket=<name>`. */
  readonly backend?: { readonly gcs: { readonly bucket?: string; readonly prefix: string } };
}

/** A piece of a Terraform JSON document. Fragments merge key by key. */
export interface Fragment {
  readonly terraform?: TerraformSettings;
  readonly provider?: Readonly<Record<string, readonly Readonly<Record<string, unknown>>[]>>;
  readonly variable?: Readonly<Record<string, VariableBlock>>;
  readonly locals?: Readonly<Record<string, unknown>>;
  readonly data?: DataBlocks;
  /** Values opened for one run and never stored in state or plans (Terraform 1.10+). */
  readonly ephemeral?: EphemeralBlocks;
  readonly resource?: ResourceBlocks;
  readonly output?: Readonly<Record<string, OutputBlock>>;
}

/** A whole `main.tf.json` document. */
export type TerraformDocument = Fragment;
