import { resource, resourceRef } from '../fragment.js';
import type { Expression } from '../expression.js';
import type { Fragment } from '../terraform.js';

/** A Cloud Monitoring notification channel; sensitive labels stay out of plan output. */
export function notificationChannel(
  id: string,
  config: {
    type: 'slack' | 'webhook_tokenauth';
    displayName: string;
    labels: Readonly<Record<string, string>>;
    authToken?: string;
  },
): { fragment: Fragment; outputs: { id: Expression } } {
  return {
    fragment: resource('google_monitoring_notification_channel', id, {
      type: config.type,
      display_name: config.displayName,
      labels: { ...config.labels },
      ...(config.authToken === undefined
        ? {}
        : { sensitive_labels: [{ auth_token: config.authToken }] }),
    }),
    outputs: { id: resourceRef('google_monitoring_notification_channel', id, 'id') },
  };
}
