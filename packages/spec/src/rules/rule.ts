import type { PlatformConfig } from '../platform-config.js';
import type { EnvironmentSpec, ServiceSpec } from '../generated/service-spec.js';
import type { IssueCode } from '../issues/issue-codes.js';
import type { FieldPath, IssueSeverity } from '../issues/spec-issue.js';

export interface RuleContext {
  readonly spec: ServiceSpec;
  readonly platform: PlatformConfig;
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

/** A semantic check over a structurally valid spec. */
export interface Rule {
  readonly code: IssueCode;
  check(context: RuleContext): Iterable<Finding>;
}

/** Each environment with its index and its path prefix. */
export function* environments(spec: ServiceSpec): Generator<[EnvironmentSpec, number, FieldPath]> {
  for (const [index, env] of spec.environments.entries())
    yield [env, index, ['environments', index]];
}

export function serviceName(spec: ServiceSpec): string {
  return spec.service.name ?? spec.service.id;
}

export function isJob(spec: ServiceSpec): boolean {
  return spec.service.kind === 'job';
}
