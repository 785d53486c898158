import { resource, resourceRef } from '../fragment.js';
import type { Expression } from '../expression.js';
import type { Fragment } from '../terraform.js';

/** Random bytes kept in state; `hex` has twice `byteLength` characters. */
export function randomID(
  id: string,
  config: { byteLength: number },
): { fragment: Fragment; outputs: { hex: Expression } } {
  return {
    fragment: resource('random_id', id, { byte_length: config.byteLength }),
    outputs: { hex: resourceRef('random_id', id, 'hex') },
  };
}
