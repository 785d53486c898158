import type { ResolvedRedis, ServiceKind } from '@msp/spec';
import { CUSTOM_CERTS_DIR, REDIS_CA_CERT_FILE } from '@msp/spec/contract';
import { redisInstance } from '../../resources/redis-instance.js';
import { secretManagerSecret } from '../../resources/secret-manager-secret.js';
import { secretManagerSecretVersion } from '../../resources/secret-manager-secret-version.js';
import { contractSecretEnv } from './contract-env.js';
import type { CloudRunPart } from './part.js';
import { SECRET_FILE_MODE } from './secrets.js';

/**
 * Memorystore Redis on the private network. The connection URL (with the
 * AUTH string) reaches the container as a Secret Manager reference, not a
 * plain env value, and the server CA is mounted where the runtime trusts it;
 * both pinned to the exact secret versions created here.
 */
export function redisPart(
  kind: ServiceKind,
  redis: ResolvedRedis,
  region: string,
  networkID: string,
): CloudRunPart {
  const instance = redisInstance('redis', {
    name: redis.instanceName,
    displayName: redis.displayName,
    tier: redis.tier,
    memorySizeGB: redis.memoryGB,
    region,
    authorizedNetwork: networkID,
  });
  const ca = secretManagerSecret('redis_ca_cert', { secretID: 'REDIS_CA_CERT' });
  const caVersion = secretManagerSecretVersion('redis_ca_cert', {
    secret: ca.outputs.id,
    data: instance.outputs.serverCACert,
  });
  const endpoint = secretManagerSecret('redis_endpoint', { secretID: 'REDIS_ENDPOINT' });
  // rediss:// (double s) is Redis over TLS.
  const url = `rediss://:${instance.outputs.authString}@${instance.outputs.host}:${instance.outputs.port}`;
  const endpointVersion = secretManagerSecretVersion('redis_endpoint', {
    secret: endpoint.outputs.id,
    data: url,
  });
  return {
    fragments: [
      instance.fragment,
      ca.fragment,
      caVersion.fragment,
      endpoint.fragment,
      endpointVersion.fragment,
    ],
    env: [
      contractSecretEnv(
        kind,
        'REDIS_ENDPOINT',
        endpoint.outputs.secretID,
        endpointVersion.outputs.version,
      ),
    ],
    volumes: [
      {
        name: 'redis-ca-cert',
        secret: ca.outputs.secretID,
        version: caVersion.outputs.version,
        path: REDIS_CA_CERT_FILE,
        mode: SECRET_FILE_MODE,
        mountPath: CUSTOM_CERTS_DIR,
      },
    ],
    dependsOn: [],
    certDirs: [CUSTOM_CERTS_DIR],
  };
}
