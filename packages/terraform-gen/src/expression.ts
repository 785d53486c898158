/**
 * A Terraform expression in JSON syntax: a whole string `${...}`. Generated
 * provider types accept one wherever a number, bool, list or map goes.
 */
export type Expression = `\${${string}}`;

/** Wraps a reference or expression as `${expr}`. */
export function expr(expression: string): Expression {
  return `\${${expression}}`;
}

/** True when a string value holds an interpolation, so its literal type cannot be checked. */
export function isExpression(value: string): boolean {
  return value.includes('${');
}
