import { captureProgram, findExecutable } from '../cli/programs.js';
import type { Io } from '../cli/io.js';

/**
 * A Google OAuth access token for private Container and Artifact Registry
 * images: `GOOGLE_OAUTH_ACCESS_TOKEN` (as the Terraform google provider
 * reads it), else `gcloud auth print-access-token`. Undefined when neither
 * gives one, so that public images are read anonymously.
 */
export async function googleAccessToken(io: Io): Promise<string | undefined> {
  const fromEnv = io.env['GOOGLE_OAUTH_ACCESS_TOKEN']?.trim();
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const gcloud = await findExecutable(io.env, 'gcloud');
  if (gcloud === undefined) return undefined;
  const result = await captureProgram(io, gcloud, ['auth', 'print-access-token']);
  const token = result.stdout.trim();
  return result.code === 0 && token !== '' ? token : undefined;
}
