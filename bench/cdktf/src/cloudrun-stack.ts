// Stack `cloudrun`: the Cloud Run service with its data backends and contract env vars.
import { DataTerraformRemoteStateGcs } from 'cdktf';
import type { Construct } from 'constructs';
import { CloudRunV2Service } from '@cdktf/provider-google/lib/cloud-run-v2-service/index.js';
import { CloudRunV2ServiceIamMember } from '@cdktf/provider-google/lib/cloud-run-v2-service-iam-member/index.js';
import { RandomProvider } from '@cdktf/provider-random/lib/provider/index.js';
import { Id } from '@cdktf/provider-random/lib/id/index.js';
import { bigquery } from './bigquery.ts';
import { SERVICE, statePrefix, type EnvironmentConfig } from './config.ts';
import { postgresql } from './postgresql.ts';
import { privateNetwork } from './private-network.ts';
import { redis } from './redis.ts';
import { addOutput, newStack } from './stack-base.ts';

export function cloudrunStack(scope: Construct, env: EnvironmentConfig): void {
  const stack = newStack(scope, env, 'cloudrun', true);
  new RandomProvider(stack, 'random');
  const iamState = new DataTerraformRemoteStateGcs(stack, 'iam', {
    bucket: SERVICE.stateBucket,
    prefix: statePrefix(env, 'iam'),
  });
  const workload = iamState.getString('cloud_run_service_account');
  const operator = iamState.getString('operator_access_service_account');

  const network = privateNetwork(stack);
  const cache = redis(stack, env, network);
  const database = postgresql(stack, env, network, { workload, operator });
  const tables = bigquery(stack, env, workload);
  const diagnostics = new Id(stack, 'diagnostics_secret', { byteLength: 8 });

  const value = (name: string, v: string) => ({ name, value: v });
  const secret = (name: string, ref: { secret: string; version: string }) => ({
    name,
    valueSource: { secretKeyRef: ref },
  });
  const probe = (periodSeconds: number) => ({
    failureThreshold: 3,
    initialDelaySeconds: 0,
    periodSeconds,
    timeoutSeconds: env.probeTimeoutSeconds,
    httpGet: {
      path: '/-/healthz',
      httpHeaders: [{ name: 'Authorization', value: `Bearer ${diagnostics.hex}` }],
    },
  });

  const service = new CloudRunV2Service(stack, 'cloudrun', {
    name: `${SERVICE.id}-${env.id}-${SERVICE.region}`,
    location: SERVICE.region,
    ingress: 'INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER',
    deletionProtection: env.preventDestroy,
    dependsOn: [...tables, database.superuserGrant],
    lifecycle: { ignoreChanges: ['template[0].containers[0].image', 'client', 'client_version'] },
    traffic: [{ percent: 100, type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST' }],
    template: {
      serviceAccount: workload,
      timeout: '300s',
      maxInstanceRequestConcurrency: 1000,
      scaling: { minInstanceCount: env.minInstances, maxInstanceCount: env.maxInstances },
      vpcAccess: {
        egress: 'PRIVATE_RANGES_ONLY',
        networkInterfaces: [{ network: network.network.id, subnetwork: network.subnetwork.id }],
      },
      volumes: [
        {
          name: 'redis-ca-cert',
          secret: {
            secret: cache.caCert.secret,
            items: [{ path: 'redis-ca-cert.pem', version: cache.caCert.version, mode: 292 }],
          },
        },
      ],
      containers: [
        {
          name: SERVICE.id,
          image: SERVICE.image,
          ports: { containerPort: 9992 },
          resources: { limits: { cpu: env.cpu, memory: env.memory } },
          env: [
            value('BIGQUERY_DATASET_ID', SERVICE.datasetID),
            value('BIGQUERY_PROJECT_ID', env.projectID),
            value('DIAGNOSTICS_SECRET', diagnostics.hex),
            value('ENVIRONMENT_ID', env.id),
            secret('EXAMPLE_API_KEY', { secret: 'EXAMPLE_API_KEY', version: 'latest' }),
            value('EXTERNAL_DNS_NAME', env.dnsName),
            value('GOOGLE_CLOUD_PROJECT', env.projectID),
            value('MSP', 'true'),
            value('PGINSTANCE', database.connectionName),
            value('PGUSER', database.workloadUser),
            value('PUBLIC_URL', `https://${env.dnsName}`),
            secret('REDIS_ENDPOINT', cache.endpoint),
            value('SSL_CERT_DIR', '/etc/ssl/certs:/etc/ssl/custom-certs'),
          ],
          volumeMounts: [{ name: 'redis-ca-cert', mountPath: '/etc/ssl/custom-certs' }],
          startupProbe: probe(3),
          livenessProbe: probe(30),
        },
      ],
    },
  });
  new CloudRunV2ServiceIamMember(stack, 'cloudrun_allusers_runinvoker', {
    name: service.name,
    location: service.location,
    role: 'roles/run.invoker',
    member: 'allUsers',
  });

  addOutput(
    stack,
    'cloud_run_location',
    service.location,
    'Region of the Cloud Run service or job.',
  );
  addOutput(
    stack,
    'cloud_run_resource_name',
    service.name,
    'Name of the Cloud Run service or job.',
  );
  addOutput(
    stack,
    'cloudsql_connection_name',
    database.connectionName,
    'Cloud SQL instance connection name, project:region:instance.',
  );
  addOutput(stack, 'cloudsql_instance_name', database.instanceName, 'Cloud SQL instance name.');
  addOutput(
    stack,
    'diagnostics_secret',
    diagnostics.hex,
    'Bearer token of the diagnostics endpoints (for the uptime check).',
    true,
  );
}
