import type { PlatformConfig } from '../platform-config.js';
import type { ServiceSpec } from '../generated/service-spec.js';
import type { FieldPath, SpecIssue } from '../issues/spec-issue.js';
import { formatPath, hasErrors, sortIssues } from '../issues/spec-issue.js';
import { DEFAULT_PLATFORM_CONFIG } from '../platform/resolve-platform-config.js';
import { RULES } from '../rules/index.js';
import type { RuleContext } from '../rules/rule.js';
import { serviceSchema } from '../schema/service-schema.js';
import type { SpecDocument } from '../parse-spec.js';
import { issueIn } from '../yaml/yaml-document.js';
import { capIssues } from '../limits/cap-issues.js';
import { validateServiceSpec } from '../generated/service-validator.js';
import { checkStructure } from './check-structure.js';
import type { Loose } from './loose.js';
import { isRecord } from './loose.js';
import { migrateLegacyFields } from './migrate-legacy.js';
import { withoutMalformed } from './without-malformed.js';

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
 * once), older field names (warnings), then every semantic rule. When the
 * structure is invalid, the rules still check every well-formed part, so
 * every problem is reported at once. The returned spec has older field names
 * rewritten to the newest form.
 */
export function validateSpec(doc: SpecDocument, options: ValidateOptions = {}): SpecValidation {
  const platform = options.platform ?? DEFAULT_PLATFORM_CONFIG;
  if (doc.value === undefined) return { ok: false, issues: capIssues(sortIssues(doc.issues)) };
  const structure = checkStructure<ServiceSpec>(doc, serviceSchema, validateServiceSpec);
  if (!structure.ok) {
    const partial = withoutMalformed(structure.value, structure.malformed);
    const semantic = isRecord(partial)
      ? semanticCheck(doc, partial as Loose<ServiceSpec>, platform, structure.malformed).issues
      : [];
    // A rule's finding about a field the schema already reported adds nothing.
    const reported = new Set(structure.issues.map((issue) => issue.path));
    return {
      ok: false,
      issues: capIssues(
        sortIssues([
          ...doc.issues,
          ...structure.issues,
          ...semantic.filter((issue) => !reported.has(issue.path)),
        ]),
      ),
    };
  }
  const { spec, issues } = semanticCheck(doc, structure.value, platform, []);
  const sorted = capIssues(sortIssues([...doc.issues, ...issues]));
  return hasErrors(sorted) ? { ok: false, issues: sorted } : { ok: true, spec, issues: sorted };
}

/** Warnings for older field names, then the findings of every rule; and the migrated spec. */
function semanticCheck<S extends Loose<ServiceSpec>>(
  doc: SpecDocument,
  input: S,
  platform: PlatformConfig,
  malformed: readonly FieldPath[],
): { spec: S; issues: SpecIssue[] } {
  const migration = migrateLegacyFields(input);
  const issues = migration.issues.map((issue) => issueIn(doc, issue));
  const malformedPaths = new Set(malformed.map(formatPath));
  const context: RuleContext = {
    spec: migration.spec,
    platform,
    malformed: (path) => malformedPaths.has(formatPath(path)),
  };
  for (const rule of RULES) {
    for (const finding of rule.check(context))
      issues.push(issueIn(doc, { ...finding, code: rule.code }));
  }
  return { spec: migration.spec, issues };
}
