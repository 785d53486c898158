import { resource, resourceRef } from '../fragment.js';
import type { Expression } from '../expression.js';
import type { Fragment } from '../terraform.js';

export function pubsubTopic(
  id: string,
  config: { name: string },
): { fragment: Fragment; outputs: { id: Expression } } {
  return {
    fragment: resource('google_pubsub_topic', id, { name: config.name }),
    outputs: { id: resourceRef('google_pubsub_topic', id, 'id') },
  };
}

/** A push subscription that keeps messages an hour and never expires. */
export function pubsubPushSubscription(
  id: string,
  config: { name: string; topic: string; endpoint: string },
): { fragment: Fragment } {
  return {
    fragment: resource('google_pubsub_subscription', id, {
      name: config.name,
      topic: config.topic,
      push_config: [{ push_endpoint: config.endpoint }],
      message_retention_duration: '3600s',
      expiration_policy: [{ ttl: '' }],
    }),
  };
}
