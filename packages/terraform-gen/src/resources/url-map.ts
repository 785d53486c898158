import { resource, resourceRef } from '../fragment.js';
import type { Expression } from '../expression.js';
import type { Fragment } from '../terraform.js';

/** A URL map sending everything to one backend service. */
export function urlMap(
  id: string,
  config: { name: string; defaultService: string },
): { fragment: Fragment; outputs: { id: Expression } } {
  return {
    fragment: resource('google_compute_url_map', id, {
      name: config.name,
      default_service: config.defaultService,
    }),
    outputs: { id: resourceRef('google_compute_url_map', id, 'id') },
  };
}
