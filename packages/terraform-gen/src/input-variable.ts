import { expr, type Expression } from './expression.js';
import type { Fragment, VariableBlock } from './terraform.js';

/** How the value of an input variable must look, checked by Terraform at plan time. */
export interface InputFormat {
  /** An RE2 pattern the whole value must match. */
  readonly pattern: string;
  /** Says what a valid value looks like, e.g. "must look like XXXXXX-XXXXXX-XXXXXX". */
  readonly message: string;
}

export interface InputVariableConfig {
  readonly description: string;
  readonly format?: InputFormat;
  readonly sensitive?: boolean;
}

/**
 * A Terraform input variable the operator supplies at plan time: an
 * organisation value the platform config does not give. It has no default
 * on purpose, so a plan without it stops with Terraform's own "No value for
 * required variable" instead of applying a placeholder.
 */
export function inputVariable(
  name: string,
  config: InputVariableConfig,
): { fragment: Fragment; value: Expression } {
  const block: VariableBlock = {
    type: 'string',
    description: config.description,
    ...(config.sensitive === true ? { sensitive: true } : {}),
    ...(config.format === undefined
      ? {}
      : {
          validation: [
            {
              condition: expr(`can(regex(${JSON.stringify(config.format.pattern)}, var.${name}))`),
              // Terraform wants a sentence: a capital letter first, a full stop last.
              error_message: `The value of ${name} ${config.format.message}.`,
            },
          ],
        }),
  };
  return { fragment: { variable: { [name]: block } }, value: expr(`var.${name}`) };
}
