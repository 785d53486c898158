import { MspError } from '@msp/spec/errors';
import type { Io } from '../cli/io.js';

/**
 * Terraform's per-host credentials variable: `TF_TOKEN_` plus the hostname
 * with dots as underscores and dashes as double underscores.
 */
export function hostTokenVariable(hostname: string): string {
  return `TF_TOKEN_${hostname.replaceAll('-', '__').replaceAll('.', '_')}`;
}

/** The API token from `TFE_TOKEN` or `TF_TOKEN_<host>`, or a clear error. */
export function terraformCloudToken(env: Io['env'], hostname: string): string {
  const variable = hostTokenVariable(hostname);
  const token = env['TFE_TOKEN'] ?? env[variable];
  if (token === undefined || token === '') {
    throw new MspError(
      'tfc-token-missing',
      `no Terraform Cloud token: set TFE_TOKEN or ${variable}`,
      {
        hint: `Create a user or team token at https://${hostname}/app/settings/tokens.`,
      },
    );
  }
  return token;
}

/** The API's base URL: `TFE_ADDRESS` when set (as go-tfe reads it), else `https://<hostname>`. */
export function terraformCloudAddress(env: Io['env'], hostname: string): string {
  const address = env['TFE_ADDRESS'];
  return address !== undefined && address !== '' ? address : `https://${hostname}`;
}
