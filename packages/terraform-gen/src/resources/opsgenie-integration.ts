import { dataRef, dataSource, resource, resourceRef } from '../fragment.js';
import type { Expression } from '../expression.js';
import type { Fragment } from '../terraform.js';

/**
 * An Opsgenie service for an owner team and a Google Stackdriver API
 * integration that notifies it (suppressed outside production unless enabled).
 */
export function opsgenieIntegration(
  id: string,
  config: {
    team: string;
    serviceName: string;
    description: string;
    tags: readonly string[];
    integrationName: string;
    suppress: boolean;
  },
): { fragments: Fragment[]; outputs: { apiKey: Expression } } {
  const teamID = dataRef('opsgenie_team', id, 'id');
  return {
    fragments: [
      dataSource('opsgenie_team', id, { name: config.team }),
      resource('opsgenie_service', id, {
        name: config.serviceName,
        team_id: teamID,
        description: config.description,
        tags: [...config.tags],
      }),
      resource('opsgenie_api_integration', id, {
        name: config.integrationName,
        type: 'GoogleStackdriver',
        owner_team_id: teamID,
        responders: [{ type: 'team', id: teamID }],
        suppress_notifications: config.suppress,
      }),
    ],
    outputs: { apiKey: resourceRef('opsgenie_api_integration', id, 'api_key') },
  };
}
