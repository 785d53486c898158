import type { Variable } from './variable.js';

export interface HelpInput {
  readonly name: string;
  readonly version: string;
  /** The service's or job's own variables. */
  readonly variables: readonly Variable<unknown>[];
  /** The platform contract variables this kind of workload reads. */
  readonly contract: readonly Variable<unknown>[];
}

function describe(variable: Variable<unknown>): string {
  const requirement = variable.required
    ? '(required)'
    : variable.defaultText === undefined
      ? '(optional)'
      : `(default: ${JSON.stringify(variable.defaultText)})`;
  return `  - ${variable.name} [${variable.type}]: ${variable.description} ${requirement}`;
}

/** The `--help` text: the workload's identity and every variable it reads. */
export function formatHelp(input: HelpInput): string {
  const sections = [`SERVICE: ${input.name}`, `VERSION: ${input.version}`, ''];
  sections.push('CONFIGURATION OPTIONS');
  if (input.variables.length === 0) sections.push('  (none)');
  sections.push(...input.variables.map(describe), '');
  sections.push('PLATFORM CONTRACT (set by msp and Cloud Run)');
  sections.push(...input.contract.map(describe));
  return `${sections.join('\n')}\n`;
}
