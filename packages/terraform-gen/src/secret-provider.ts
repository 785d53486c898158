import type { SecretLocation } from '@msp/spec';
import { ephemeralRef, ephemeralResource } from './fragment.js';
import type { Fragment } from './terraform.js';

/**
 * A provider configured with a token from Secret Manager, read as an
 * ephemeral value: opened for each run, never stored in state or plans.
 */
export function providerWithSecretToken(
  provider: string,
  attribute: string,
  id: string,
  secret: SecretLocation,
): Fragment[] {
  return [
    ephemeralResource('google_secret_manager_secret_version', id, {
      project: secret.project,
      secret: secret.secret,
    }),
    {
      provider: {
        [provider]: [
          { [attribute]: ephemeralRef('google_secret_manager_secret_version', id, 'secret_data') },
        ],
      },
    },
  ];
}
