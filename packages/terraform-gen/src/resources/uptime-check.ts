import { resource, resourceRef } from '../fragment.js';
import type { Expression } from '../expression.js';
import type { Fragment } from '../terraform.js';

/** An HTTPS uptime check of a public host, every minute, accepting 2xx. */
export function httpsUptimeCheck(
  id: string,
  config: {
    displayName: string;
    project: string;
    host: string;
    path: string;
    timeoutSeconds: number;
    headers: Readonly<Record<string, string>>;
  },
): { fragment: Fragment; outputs: { checkID: Expression } } {
  const masked = Object.keys(config.headers).length > 0;
  return {
    fragment: resource('google_monitoring_uptime_check_config', id, {
      display_name: config.displayName,
      timeout: `${config.timeoutSeconds}s`,
      period: '60s',
      monitored_resource: [
        { type: 'uptime_url', labels: { project_id: config.project, host: config.host } },
      ],
      http_check: [
        {
          path: config.path,
          port: 443,
          use_ssl: true,
          validate_ssl: true,
          ...(masked ? { headers: { ...config.headers }, mask_headers: true } : {}),
          accepted_response_status_codes: [{ status_class: 'STATUS_CLASS_2XX' }],
        },
      ],
    }),
    outputs: {
      checkID: resourceRef('google_monitoring_uptime_check_config', id, 'uptime_check_id'),
    },
  };
}
