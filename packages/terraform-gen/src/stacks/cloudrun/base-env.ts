import type { StackContext } from '../../stack.js';
import { contractEnv } from './contract-env.js';
import type { CloudRunPart } from './part.js';

/** The spec's plain `env` plus the contract variables every workload gets. */
export function baseEnvPart({ spec, env }: StackContext): CloudRunPart {
  const kind = spec.service.kind;
  const domain = env.service?.domain;
  return {
    fragments: [],
    env: [
      ...env.env.map((e) => ({ name: e.name, value: e.value })),
      contractEnv(kind, 'MSP', 'true'),
      contractEnv(kind, 'ENVIRONMENT_ID', env.id),
      contractEnv(kind, 'GOOGLE_CLOUD_PROJECT', env.projectID),
      ...(domain === undefined ? [] : [contractEnv(kind, 'EXTERNAL_DNS_NAME', domain.dnsName)]),
    ],
    volumes: [],
    dependsOn: [],
  };
}

/** System CA certificates; parts add directories (the Redis CA) after it. */
export const SYSTEM_CERTS_DIR = '/etc/ssl/certs';
