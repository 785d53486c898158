import type { PlatformConfig } from '../platform-config.js';
import type { EnvironmentSpec, ServiceSpec } from '../generated/service-spec.js';
import type {
  ResolvedBigQueryDataset,
  ResolvedPostgreSQL,
  ResolvedRedis,
  ResolvedResources,
} from '../resolved.js';
import { UsageError } from '../errors.js';
import { SPEC_DEFAULTS } from '../schema/defaults.js';
import {
  defaultDatasetID,
  locationOf,
  normalizeLocation,
  postgreSQLTier,
  uniqueValues,
} from './names.js';
import type { SpecAssets } from './spec-assets.js';

export function resolveResources(
  spec: ServiceSpec,
  env: EnvironmentSpec,
  platform: PlatformConfig,
  assets: SpecAssets,
): ResolvedResources {
  const redis = resolveRedis(env);
  const postgreSQL = resolvePostgreSQL(env);
  const bigQueryDataset = resolveBigQuery(spec, env, platform, assets);
  return {
    ...(redis === undefined ? {} : { redis }),
    ...(postgreSQL === undefined ? {} : { postgreSQL }),
    ...(bigQueryDataset === undefined ? {} : { bigQueryDataset }),
    needsPrivateNetwork: redis !== undefined || postgreSQL !== undefined,
  };
}

function resolveRedis(env: EnvironmentSpec): ResolvedRedis | undefined {
  const redis = env.resources?.redis;
  if (redis === undefined) return undefined;
  const highAvailability = redis.highAvailability ?? false;
  return {
    memoryGB: redis.memoryGB ?? SPEC_DEFAULTS.redisMemoryGB,
    highAvailability,
    tier: highAvailability ? 'STANDARD_HA' : 'BASIC',
    instanceName: highAvailability ? 'redis' : 'redis-basic',
    displayName: highAvailability ? 'Regional Redis (standard HA)' : 'Zonal Redis (basic)',
  };
}

function resolvePostgreSQL(env: EnvironmentSpec): ResolvedPostgreSQL | undefined {
  const pg = env.resources?.postgreSQL;
  if (pg === undefined) return undefined;
  const cpu = pg.cpu ?? SPEC_DEFAULTS.postgreSQLCPU;
  const memoryGB = pg.memoryGB ?? SPEC_DEFAULTS.postgreSQLMemoryGB;
  const replication = pg.logicalReplication;
  return {
    databases: uniqueValues(pg.databases),
    cpu,
    memoryGB,
    tier: postgreSQLTier(cpu, memoryGB),
    ...(pg.maxConnections === undefined ? {} : { maxConnections: pg.maxConnections }),
    highAvailability: pg.highAvailability ?? false,
    publicIP: pg.publicIP ?? true,
    ...(replication === undefined
      ? {}
      : {
          logicalReplication: {
            publications: (replication.publications ?? []).map((p) => ({
              name: p.name,
              database: p.database,
              tables: p.tables,
            })),
          },
        }),
  };
}

function resolveBigQuery(
  spec: ServiceSpec,
  env: EnvironmentSpec,
  platform: PlatformConfig,
  assets: SpecAssets,
): ResolvedBigQueryDataset | undefined {
  const dataset = env.resources?.bigQueryDataset;
  if (dataset !== undefined) {
    return {
      datasetID: dataset.datasetID ?? defaultDatasetID(spec.service.id),
      projectID: dataset.projectID ?? env.projectID,
      location: locationOf(env, platform),
      tables: uniqueValues(dataset.tables).map((id) => {
        const schemaJSON = assets.bigQueryTableSchemas?.get(id);
        if (schemaJSON === undefined)
          throw new UsageError(
            `resolveSpec needs the schema of BigQuery table "${id}" (loadSpec reads ${id}.bigquerytable.json)`,
          );
        return { id, schemaJSON };
      }),
    };
  }
  const legacy = env.resources?.bigQueryTable;
  if (legacy === undefined) return undefined;
  return {
    datasetID: defaultDatasetID(spec.service.id),
    projectID: legacy.projectID ?? env.projectID,
    location:
      legacy.region === undefined ? locationOf(env, platform) : normalizeLocation(legacy.region),
    tables: [{ id: legacy.tableID, schemaJSON: JSON.stringify(legacy.schema, null, 2) }],
  };
}
