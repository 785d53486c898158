// Redis with TLS and AUTH; its endpoint and CA certificate go to Secret Manager.
import type { TerraformStack } from 'cdktf';
import { RedisInstance } from '@cdktf/provider-google/lib/redis-instance/index.js';
import { SecretManagerSecret } from '@cdktf/provider-google/lib/secret-manager-secret/index.js';
import { SecretManagerSecretVersion } from '@cdktf/provider-google/lib/secret-manager-secret-version/index.js';
import { SERVICE, type EnvironmentConfig } from './config.ts';
import type { PrivateNetwork } from './private-network.ts';

export interface Redis {
  readonly endpoint: { readonly secret: string; readonly version: string };
  readonly caCert: { readonly secret: string; readonly version: string };
}

function secret(stack: TerraformStack, id: string, secretID: string, data: string) {
  const created = new SecretManagerSecret(stack, id, {
    secretId: secretID,
    replication: { auto: {} },
  });
  const version = new SecretManagerSecretVersion(stack, `${id}_version`, {
    secret: created.id,
    secretData: data,
  });
  version.overrideLogicalId(id);
  return { secret: created.secretId, version: version.version };
}

export function redis(
  stack: TerraformStack,
  env: EnvironmentConfig,
  network: PrivateNetwork,
): Redis {
  const ha = env.redisHighAvailability;
  const instance = new RedisInstance(stack, 'redis', {
    name: ha ? 'redis' : 'redis-basic',
    displayName: ha ? 'Regional Redis (standard HA)' : 'Zonal Redis (basic)',
    tier: ha ? 'STANDARD_HA' : 'BASIC',
    region: SERVICE.region,
    memorySizeGb: 1,
    authEnabled: true,
    transitEncryptionMode: 'SERVER_AUTHENTICATION',
    authorizedNetwork: network.network.id,
    persistenceConfig: { persistenceMode: 'RDB', rdbSnapshotPeriod: 'TWENTY_FOUR_HOURS' },
    lifecycle: { createBeforeDestroy: true },
  });
  // Newer than these bindings (google provider 6.x): set as an override.
  instance.addOverride('deletion_protection', false);
  return {
    endpoint: secret(
      stack,
      'redis_endpoint',
      'REDIS_ENDPOINT',
      `rediss://:${instance.authString}@${instance.host}:${instance.port}`,
    ),
    caCert: secret(stack, 'redis_ca_cert', 'REDIS_CA_CERT', instance.serverCaCerts.get(0).cert),
  };
}
