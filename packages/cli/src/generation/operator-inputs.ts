import { byStackPath } from './resource-counts.js';
import type { GeneratedStackSummary } from '@msp/terraform-gen';

/** The input variables one stack needs from the operator at plan time. */
export interface StackInputs {
  readonly environment: string;
  readonly stack: string;
  readonly names: readonly string[];
}

/**
 * Every stack's operator-supplied input variables (organisation values the
 * platform config does not give; each stack's `terraform.tfvars.example`
 * lists them), in path order.
 */
export function operatorInputs(stacks: readonly GeneratedStackSummary[]): StackInputs[] {
  return byStackPath(stacks)
    .filter((s) => s.inputs.length > 0)
    .map(({ environment, stack, inputs }) => ({ environment, stack, names: inputs }));
}

/** The inputs as lines for the generate summary; empty when there are none. */
export function formatInputs(inputs: readonly StackInputs[]): string {
  if (inputs.length === 0) return '';
  return (
    [
      "  input variables to supply at plan time (see each stack's terraform.tfvars.example):",
      ...inputs.map((i) => `    ${i.environment}/${i.stack}: ${i.names.join(', ')}`),
    ].join('\n') + '\n'
  );
}
