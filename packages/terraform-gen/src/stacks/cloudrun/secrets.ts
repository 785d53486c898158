import type { ResolvedEnvironment } from '@msp/spec';
import type { CloudRunPart } from './part.js';

/** Read-only for everyone (0444), as the runtime expects. */
export const SECRET_FILE_MODE = 0o444;

/** `secretEnv` and `secretVolumes`, always at the secret's latest version. */
export function secretsPart(env: ResolvedEnvironment): CloudRunPart {
  return {
    fragments: [],
    env: env.secretEnv.map((s) => ({ name: s.name, secret: s.reference, version: 'latest' })),
    volumes: env.secretVolumes.map((v) => ({
      name: v.name,
      secret: v.reference,
      version: 'latest',
      path: v.fileName,
      mode: SECRET_FILE_MODE,
      mountPath: v.mountDir,
    })),
    dependsOn: [],
  };
}
