import { resource } from '../fragment.js';
import type { Expression } from '../expression.js';
import type { Fragment } from '../terraform.js';

/**
 * A Sentry issue alert posting every new, regressed or reappearing issue of
 * a project to a Slack channel, at most once per issue per hour.
 */
export function sentryIssueAlertToSlack(
  id: string,
  config: {
    organization: string;
    project: Expression;
    integrationID: Expression;
    channel: string;
    tags: readonly string[];
  },
): { fragment: Fragment } {
  return {
    fragment: resource('sentry_issue_alert', id, {
      organization: config.organization,
      project: config.project,
      name: 'Notify in Slack',
      action_match: 'any',
      filter_match: 'all',
      frequency: 60,
      conditions_v2: [{ first_seen_event: {} }, { regression_event: {} }, { reappeared_event: {} }],
      actions_v2: [
        {
          slack_notify_service: {
            workspace: config.integrationID,
            channel: config.channel,
            tags: config.tags,
          },
        },
      ],
    }),
  };
}
