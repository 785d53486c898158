import type { PlatformConfig } from '../platform-config.js';
import type { PlatformConfigSpec, StateSpec } from '../generated/platform-config-spec.js';
import type { SpecIssue } from '../issues/spec-issue.js';
import { formatPath, hasErrors, sortIssues } from '../issues/spec-issue.js';
import { platformSchema } from '../schema/platform-schema.js';
import { validatePlatformConfig } from '../generated/platform-validator.js';
import { checkStructure } from '../validate/check-structure.js';
import type { Loose } from '../validate/loose.js';
import { isRecord } from '../validate/loose.js';
import { withoutMalformed } from '../validate/without-malformed.js';
import { parseYaml } from '../yaml/parse-yaml.js';
import { capIssues } from '../limits/cap-issues.js';
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
  if (onlyComments(text)) {
    return { ok: true, config: resolvePlatformConfig({}), issues: [] };
  }
  const doc = parseYaml(text, fileName);
  if (hasErrors(doc.issues) || doc.value === undefined)
    return { ok: false, issues: capIssues(sortIssues(doc.issues)) };
  const structure = checkStructure<PlatformConfigSpec>(doc, platformSchema, validatePlatformConfig);
  if (!structure.ok) {
    // The state backend's own rules still apply to its well-formed part.
    const partial = withoutMalformed(structure.value, structure.malformed);
    const state = isRecord(partial) && isRecord(partial['state']) ? partial['state'] : undefined;
    const reported = new Set(structure.issues.map((issue) => issue.path));
    const malformed = new Set(structure.malformed.map(formatPath));
    const stateIssues = checkState(state as Loose<StateSpec> | undefined, (field) =>
      malformed.has(formatPath(['state', field])),
    )
      .map((input) => issueIn(doc, input))
      .filter((issue) => !reported.has(issue.path));
    return {
      ok: false,
      issues: capIssues(sortIssues([...doc.issues, ...structure.issues, ...stateIssues])),
    };
  }
  const stateIssues = checkState(structure.value.state).map((input) => issueIn(doc, input));
  if (stateIssues.length > 0)
    return { ok: false, issues: sortIssues([...doc.issues, ...stateIssues]) };
  return { ok: true, config: resolvePlatformConfig(structure.value), issues: doc.issues };
}

/**
 * True when every line is blank or a comment. (A single regular expression
 * for this, `^(\s*#.*\n?)*\s*$`, backtracks exponentially on a long run of "#".)
 */
function onlyComments(text: string): boolean {
  return text.split('\n').every((line) => {
    const trimmed = line.trim();
    return trimmed === '' || trimmed.startsWith('#');
  });
}
