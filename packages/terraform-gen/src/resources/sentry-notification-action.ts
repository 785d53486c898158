import { resource } from '../fragment.js';
import type { Expression } from '../expression.js';
import type { Fragment } from '../terraform.js';

/** Sentry spike protection notifications of some projects, sent to a Slack channel. */
export function sentrySpikeProtectionToSlack(
  id: string,
  config: {
    organization: string;
    projects: readonly Expression[];
    integrationID: Expression;
    channelID: Expression;
    channelName: string;
  },
): { fragment: Fragment } {
  return {
    fragment: resource('sentry_notification_action', id, {
      organization: config.organization,
      projects: config.projects,
      trigger_type: 'spike-protection',
      service_type: 'slack',
      integration_id: config.integrationID,
      target_identifier: config.channelID,
      target_display: config.channelName,
    }),
  };
}
