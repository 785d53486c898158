import type { PlatformConfig, ResolvedEnvironment, ResolvedSpec, StackName } from '@msp/spec';
import type { Fragment, TerraformDocument, VariableBlock } from './terraform.js';

/** Stacks in apply order; each has its own state (the names table has their locations). */
export { STACK_NAMES } from '@msp/spec';
export type { StackName };

export interface StackOutput {
  readonly value: unknown;
  readonly description: string;
  readonly sensitive?: boolean;
}

/** A variable whose value generation writes to `terraform.tfvars` (e.g. a resolved image digest). */
export interface DynamicVariable {
  readonly description: string;
  readonly value: string;
}

/** What a stack function returns: data, merged and wrapped by `synthesize`. */
export interface Stack {
  readonly name: StackName;
  readonly fragments: readonly Fragment[];
  /** Outputs, also exposed as `local.<name>` for hand-written Terraform beside the stack. */
  readonly outputs: Readonly<Record<string, StackOutput>>;
  readonly variables?: Readonly<Record<string, DynamicVariable>>;
  /** Other files of the stack's directory, by file name (e.g. the skaffold source archive a bucket object uploads). */
  readonly files?: Readonly<Record<string, Uint8Array>>;
}

/** An output of another stack that a stack reads through remote state. */
export interface RemoteRead {
  readonly stack: StackName;
  readonly output: string;
}

/** Everything a stack function reads. */
export interface StackContext {
  readonly spec: ResolvedSpec;
  readonly env: ResolvedEnvironment;
  readonly platform: PlatformConfig;
  /** The resolved image tag (`tag@sha256:…`) of a `subscription` deploy. */
  readonly resolvedImageTag?: string;
  /**
   * The remote-state reads of the stack being built, appended to by
   * `remoteOutput`; fresh for each stack. Its `terraform_remote_state` data
   * sources are built from them.
   */
  readonly remoteReads: RemoteRead[];
}

/** One stack rendered to a document. */
export interface SynthesizedStack {
  readonly name: StackName;
  readonly document: TerraformDocument;
  /** Values for `terraform.tfvars`; empty when the stack has no dynamic variables. */
  readonly tfvars: Readonly<Record<string, string>>;
  /**
   * Input variables the operator supplies at plan time (organisation values the
   * platform config does not give), listed in `terraform.tfvars.example`.
   * @default {}
   */
  readonly inputs?: Readonly<Record<string, VariableBlock>>;
  /** Other files of the stack's directory, by file name. @default {} */
  readonly files?: Readonly<Record<string, Uint8Array>>;
}

export interface EnvironmentStacks {
  readonly id: string;
  readonly terraformVersion: string;
  /** In apply order. */
  readonly stacks: readonly SynthesizedStack[];
}

/** The output of `synthesize`: every environment's stacks, in spec order. */
export interface StackSet {
  readonly serviceID: string;
  readonly environments: readonly EnvironmentStacks[];
}
