import { renderJSON } from './render-json.js';
import type { StackSet } from './stack.js';
import type { VariableBlock } from './terraform.js';

/** Directory of generated Terraform, beside the spec. */
export const TERRAFORM_DIR = 'terraform';

/**
 * Renders a stack set to files, keyed by path relative to the spec's
 * directory: `terraform/<env>/stacks/<stack>/main.tf.json`, plus
 * `terraform.tfvars` where a stack has dynamic variables,
 * `terraform.tfvars.example` where it has input variables the operator supplies, the
 * stack's other (binary) files such as the skaffold source archive, and
 * `terraform/<env>/.terraform-version` (version managers such as tfenv look
 * for it in parent directories too). Paths are sorted.
 */
export function renderStackSet(set: StackSet): Map<string, string | Uint8Array> {
  const files: [string, string | Uint8Array][] = [];
  for (const env of set.environments) {
    files.push([`${TERRAFORM_DIR}/${env.id}/.terraform-version`, `${env.terraformVersion}\n`]);
    for (const stack of env.stacks) {
      const dir = `${TERRAFORM_DIR}/${env.id}/stacks/${stack.name}`;
      files.push([`${dir}/main.tf.json`, renderJSON(stack.document)]);
      if (Object.keys(stack.tfvars).length > 0)
        files.push([`${dir}/terraform.tfvars`, renderTfvars(stack.tfvars)]);
      if (Object.keys(stack.inputs ?? {}).length > 0)
        files.push([`${dir}/terraform.tfvars.example`, renderTfvarsExample(stack.inputs ?? {})]);
      for (const [name, content] of Object.entries(stack.files ?? {}))
        files.push([`${dir}/${name}`, content]);
    }
  }
  files.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new Map(files);
}

/** `name = "value"` lines, sorted by name; values quoted as HCL (JSON string escapes are valid HCL). */
export function renderTfvars(values: Readonly<Record<string, string>>): string {
  return (
    Object.keys(values)
      .sort()
      .map((k) => `${k} = ${JSON.stringify(values[k])}`)
      .join('\n') + '\n'
  );
}

/**
 * The input variables of a stack as a commented tfvars file to copy: every
 * name with an empty value to fill in. terraform.tfvars itself is generated,
 * hence the `*.auto.tfvars` name to copy it to.
 */
export function renderTfvarsExample(inputs: Readonly<Record<string, VariableBlock>>): string {
  const header = [
    '# Values msp.config.yaml does not give, which this stack needs at plan time.',
    '# Copy this file to operator.auto.tfvars (terraform.tfvars is generated) and',
    "# fill in every value, or set TF_VAR_<name> in the Terraform run's environment.",
  ];
  const entries = Object.keys(inputs)
    .sort()
    .map((name) => `\n# ${inputs[name]?.description ?? ''}\n${name} = ""`);
  return [...header, ...entries].join('\n') + '\n';
}

const TFVARS_LINE = /^\s*([A-Za-z_][A-Za-z0-9_-]*)\s*=\s*"((?:[^"\\]|\\.)*)"\s*$/;

/**
 * Reads the string variables of an existing `terraform.tfvars` (as written
 * by {@link renderTfvars}); other lines, and strings with invalid escapes,
 * are ignored (the file is regenerated anyway). Never throws.
 */
export function parseTfvars(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = TFVARS_LINE.exec(line);
    if (m?.[1] === undefined || m[2] === undefined) continue;
    const value = decodeString(m[2]);
    // defineProperty: a variable named __proto__ must not set the prototype.
    if (value !== undefined)
      Object.defineProperty(out, m[1], {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return out;
}

function decodeString(body: string): string | undefined {
  try {
    return JSON.parse(`"${body}"`) as string;
  } catch {
    return undefined;
  }
}
