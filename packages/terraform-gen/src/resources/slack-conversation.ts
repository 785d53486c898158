import { resource, resourceRef } from '../fragment.js';
import type { Expression } from '../expression.js';
import type { Fragment } from '../terraform.js';

/**
 * A public Slack channel, adopted if it already exists. Permanent members
 * are added but never removed (`action_on_update_permanent_members: none`).
 */
export function slackChannel(
  id: string,
  config: { name: string; topic: string; permanentMembers?: readonly string[] },
): { fragment: Fragment; outputs: { id: Expression } } {
  const members = config.permanentMembers ?? [];
  return {
    fragment: resource('slack_conversation', id, {
      name: config.name,
      is_private: false,
      topic: config.topic,
      purpose: config.topic,
      ...(members.length === 0 ? {} : { permanent_members: members }),
      action_on_update_permanent_members: 'none',
      adopt_existing_channel: true,
    }),
    outputs: { id: resourceRef('slack_conversation', id, 'id') },
  };
}
