import type { PlatformConfig } from '../platform-config.js';
import type { EnvironmentSpec, ServiceSpec } from '../generated/service-spec.js';
import type { IssueCode } from '../issues/issue-codes.js';
import type { FieldPath, IssueSeverity } from '../issues/spec-issue.js';
import type { Loose } from '../validate/loose.js';

export interface RuleContext {
  /**
   * The spec; when its structure is invalid, without the malformed values,
   * so any field may be missing: rules check what they read.
   */
  readonly spec: Loose<ServiceSpec>;
  readonly platform: PlatformConfig;
  /**
   * True when the value at `path` was malformed (and removed): a rule that
   * would otherwise use a default for a missing field skips the check.
   */
  malformed(path: FieldPath): boolean;
}

/** One problem a rule found; the rule's code is added when it becomes an issue. */
export interface Finding {
  readonly path: FieldPath;
  readonly message: string;
  readonly hint?: string;
  readonly severity?: IssueSeverity;
  /** Point at the field's key rather than its value. */
  readonly at?: 'key' | 'value';
}

/** A semantic check over the well-formed parts of a spec. It never throws. */
export interface Rule {
  readonly code: IssueCode;
  check(context: RuleContext): Iterable<Finding>;
}

/** Each environment with its index and its path prefix. */
export function* environments(
  spec: Loose<ServiceSpec>,
): Generator<[Loose<EnvironmentSpec>, number, FieldPath]> {
  for (const [index, env] of (spec.environments ?? []).entries())
    if (env !== undefined) yield [env, index, ['environments', index]];
}

/** The service's name, or undefined when neither name nor ID is well-formed. */
export function serviceName(spec: Loose<ServiceSpec>): string | undefined {
  return spec.service?.name ?? spec.service?.id;
}

export function isJob(spec: Loose<ServiceSpec>): boolean {
  return spec.service?.kind === 'job';
}

/** Each item of an optional list that is present, with its index. */
export function* items<T>(list: readonly (T | undefined)[] | undefined): Generator<[T, number]> {
  for (const [index, item] of (list ?? []).entries()) if (item !== undefined) yield [item, index];
}
