import { resource } from '../fragment.js';
import type { Fragment } from '../terraform.js';

/** A public Slack channel, adopted if it already exists. */
export function slackChannel(
  id: string,
  config: { name: string; topic: string },
): { fragment: Fragment } {
  return {
    fragment: resource('slack_conversation', id, {
      name: config.name,
      is_private: false,
      topic: config.topic,
      purpose: config.topic,
      action_on_update_permanent_members: 'none',
      adopt_existing_channel: true,
    }),
  };
}
