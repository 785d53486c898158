import { resource } from '../fragment.js';
import type { Fragment } from '../terraform.js';

/** Enables one API; never disabled on destroy, so tearing down a stack cannot break others. */
export function projectService(
  id: string,
  config: { project: string; service: string },
): { fragment: Fragment } {
  return {
    fragment: resource('google_project_service', id, {
      project: config.project,
      service: config.service,
      disable_dependent_services: false,
      disable_on_destroy: false,
    }),
  };
}
