import { resource } from '../fragment.js';
import type { Fragment } from '../terraform.js';

/** A Cloud Monitoring dashboard from its JSON definition. */
export function monitoringDashboard(
  id: string,
  config: { definition: unknown },
): { fragment: Fragment } {
  return {
    fragment: resource('google_monitoring_dashboard', id, {
      dashboard_json: JSON.stringify(config.definition),
    }),
  };
}
