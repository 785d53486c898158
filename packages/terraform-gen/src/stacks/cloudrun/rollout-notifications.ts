import type { SecretLocation } from '@msp/spec';
import { dataRef, dataSource } from '../../fragment.js';
import { pubsubPushSubscription, pubsubTopic } from '../../resources/pubsub.js';
import type { Fragment } from '../../terraform.js';

/** Cloud Deploy operation notifications pushed to the platform's endpoint (read from Secret Manager). */
export function rolloutNotifications(endpoint: SecretLocation): Fragment[] {
  const topic = pubsubTopic('clouddeploy_operations', { name: 'clouddeploy-operations' });
  return [
    dataSource(
      'google_secret_manager_secret_version',
      'clouddeploy_notification_endpoint',
      endpoint,
    ),
    topic.fragment,
    pubsubPushSubscription('clouddeploy_operations', {
      name: 'clouddeploy-operations',
      topic: topic.outputs.id,
      endpoint: dataRef(
        'google_secret_manager_secret_version',
        'clouddeploy_notification_endpoint',
        'secret_data',
      ),
    }).fragment,
  ];
}
