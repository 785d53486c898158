import type { Variable } from './variable.js';

/** What `--help` shows of a variable. */
export interface HelpEntry {
  readonly name: string;
  readonly type: string;
  readonly description: string;
  readonly required?: boolean;
  /** The default as shown; undefined when there is none. */
  readonly defaultText?: string | undefined;
}

export interface HelpInput {
  readonly name: string;
  readonly version: string;
  /** The service's or job's own variables. */
  readonly variables: readonly Variable<unknown>[];
  /** The platform contract variables this kind of workload reads. */
  readonly contract: readonly Variable<unknown>[];
  /** Variables the integrations read off the platform (local databases, OpenTelemetry settings). */
  readonly integrations: readonly HelpEntry[];
}

function describe(variable: HelpEntry): string {
  const requirement =
    variable.required === true
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
  sections.push(...input.contract.map(describe), '');
  sections.push('INTEGRATIONS (read when set; msp does not set them)');
  sections.push(...input.integrations.map(describe));
  return `${sections.join('\n')}\n`;
}
