import { REPLACEMENT_ARGUMENTS } from './generated/replacement-arguments.js';
import type { ResourceReplacement } from './replacement-table.js';

export { REPLACEMENT_ARGUMENTS };

/**
 * The arguments of `type` whose change forces replacement, or undefined when the
 * table does not cover the type (a test keeps every emitted type covered).
 */
export function replacementArguments(type: string): ResourceReplacement | undefined {
  return Object.hasOwn(REPLACEMENT_ARGUMENTS.resources, type)
    ? REPLACEMENT_ARGUMENTS.resources[type]
    : undefined;
}
