import type { PlatformConfig } from '../platform-config.js';
import type { PlatformConfigSpec } from '../generated/platform-config-spec.js';
import type { SpecIssue } from '../issues/spec-issue.js';
import { hasErrors, sortIssues } from '../issues/spec-issue.js';
import { platformSchema } from '../schema/platform-schema.js';
import { validatePlatformConfig } from '../generated/platform-validator.js';
import { checkStructure } from '../validate/check-structure.js';
import { parseYaml } from '../yaml/parse-yaml.js';
import { issueIn } from '../yaml/yaml-document.js';
import { checkState, resolvePlatformConfig } from './resolve-platform-config.js';

export type PlatformConfigResult =
  | { readonly ok: true; readonly config: PlatformConfig; readonly issues: readonly SpecIssue[] }
  | { readonly ok: false; readonly issues: readonly SpecIssue[] };

/**
 * Parses and validates msp.config.yaml text. An empty file means "all
 * defaults". Never throws on bad input.
 */
export function parsePlatformConfig(
  text: string,
  fileName = 'msp.config.yaml',
): PlatformConfigResult {
  if (text.trim() === '' || /^(\s*#.*\n?)*\s*$/.test(text)) {
    return { ok: true, config: resolvePlatformConfig({}), issues: [] };
  }
  const doc = parseYaml(text, fileName);
  if (hasErrors(doc.issues) || doc.value === undefined) return { ok: false, issues: doc.issues };
  const structure = checkStructure<PlatformConfigSpec>(doc, platformSchema, validatePlatformConfig);
  if (!structure.ok) return { ok: false, issues: sortIssues([...doc.issues, ...structure.issues]) };
  const stateIssues = checkState(structure.value.state).map((input) => issueIn(doc, input));
  if (stateIssues.length > 0)
    return { ok: false, issues: sortIssues([...doc.issues, ...stateIssues]) };
  return { ok: true, config: resolvePlatformConfig(structure.value), issues: doc.issues };
}
