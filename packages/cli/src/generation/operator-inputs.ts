import { parseStackPath } from './stack-paths.js';

/** The input variables one stack needs from the operator at plan time. */
export interface StackInputs {
  readonly environment: string;
  readonly stack: string;
  readonly names: readonly string[];
}

const EXAMPLE_LINE = /^([A-Za-z_][A-Za-z0-9_-]*) = ""$/gm;

/**
 * Every stack's operator-supplied input variables (organisation values the
 * platform config does not give), read from the generated
 * `terraform.tfvars.example` files, in path order.
 */
export function operatorInputs(files: ReadonlyMap<string, string>): StackInputs[] {
  const out: StackInputs[] = [];
  for (const [path, text] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const parsed = parseStackPath(path);
    if (parsed?.file !== 'terraform.tfvars.example') continue;
    const names = [...text.matchAll(EXAMPLE_LINE)].map((m) => m[1] ?? '');
    if (names.length > 0) out.push({ environment: parsed.environment, stack: parsed.stack, names });
  }
  return out;
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
