import { resource, resourceRef } from '../fragment.js';
import type { Expression } from '../expression.js';
import type { Fragment } from '../terraform.js';

/** A Sentry project without Sentry's default alert rules (msp routes alerts itself). */
export function sentryProject(
  id: string,
  config: { organization: string; team: string; name: string; slug: string },
): { fragment: Fragment; outputs: { slug: Expression } } {
  return {
    fragment: resource('sentry_project', id, {
      organization: config.organization,
      teams: [config.team],
      name: config.name,
      slug: config.slug,
      default_rules: false,
      default_key: false,
    }),
    outputs: { slug: resourceRef('sentry_project', id, 'slug') },
  };
}
