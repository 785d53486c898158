import type { PlatformConfig } from '../platform-config.js';
import type { ServiceSpec } from '../generated/service-spec.js';
import type { SpecIssue } from '../issues/spec-issue.js';
import { hasErrors, sortIssues } from '../issues/spec-issue.js';
import { DEFAULT_PLATFORM_CONFIG } from '../platform/resolve-platform-config.js';
import { RULES } from '../rules/index.js';
import { serviceSchema } from '../schema/service-schema.js';
import type { SpecDocument } from '../parse-spec.js';
import { issueIn } from '../yaml/yaml-document.js';
import { validateServiceSpec } from '../generated/service-validator.js';
import { checkStructure } from './check-structure.js';
import { migrateLegacyFields } from './migrate-legacy.js';

export interface ValidateOptions {
  /** Allowed regions and platform settings some rules need. @default the built-in defaults */
  readonly platform?: PlatformConfig;
}

/**
 * The outcome of validation. `ok` is false when any issue is an error;
 * warnings never fail validation. Issues are sorted by position.
 */
export type SpecValidation =
  | { readonly ok: true; readonly spec: ServiceSpec; readonly issues: readonly SpecIssue[] }
  | { readonly ok: false; readonly issues: readonly SpecIssue[] };

/**
 * Validates a parsed spec: structure from the JSON Schema (all errors at
 * once), older field names (warnings), then every semantic rule. The returned
 * spec has older field names rewritten to the newest form.
 */
export function validateSpec(doc: SpecDocument, options: ValidateOptions = {}): SpecValidation {
  const platform = options.platform ?? DEFAULT_PLATFORM_CONFIG;
  if (doc.value === undefined) return { ok: false, issues: sortIssues(doc.issues) };
  const structure = checkStructure<ServiceSpec>(doc, serviceSchema, validateServiceSpec);
  if (!structure.ok) return { ok: false, issues: sortIssues([...doc.issues, ...structure.issues]) };
  const migration = migrateLegacyFields(structure.value);
  const issues: SpecIssue[] = [
    ...doc.issues,
    ...migration.issues.map((input) => issueIn(doc, input)),
  ];
  const context = { spec: migration.spec, platform };
  for (const rule of RULES) {
    for (const finding of rule.check(context))
      issues.push(issueIn(doc, { ...finding, code: rule.code }));
  }
  const sorted = sortIssues(issues);
  return hasErrors(sorted)
    ? { ok: false, issues: sorted }
    : { ok: true, spec: migration.spec, issues: sorted };
}
