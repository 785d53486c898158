import { resource } from '../fragment.js';
import type { Fragment } from '../terraform.js';

/** A database, abandoned (not dropped) when removed from Terraform. */
export function sqlDatabase(
  id: string,
  config: { instance: string; name: string; preventDestroy: boolean },
): { fragment: Fragment } {
  return {
    fragment: resource('google_sql_database', id, {
      instance: config.instance,
      name: config.name,
      deletion_policy: 'ABANDON',
      lifecycle: { prevent_destroy: config.preventDestroy },
    }),
  };
}
