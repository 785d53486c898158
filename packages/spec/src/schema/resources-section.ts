import { SPEC_DEFAULTS } from './defaults.js';
import { bool, deprecated, int, list, obj, oneOf, str } from './builders.js';

const name = (description: string) => str(description, { minLength: 1 });

const redis = obj(
  'RedisSpec',
  'A Cloud Memorystore for Redis instance (TLS and AUTH on); the workload gets REDIS_ENDPOINT.',
  {
    memoryGB: int('Memory in GB.', {
      minimum: 1,
      maximum: 300,
      default: SPEC_DEFAULTS.redisMemoryGB,
    }),
    highAvailability: bool(
      'Regional STANDARD_HA tier (instance "redis"); otherwise BASIC (instance "redis-basic").',
      {
        default: false,
      },
    ),
    tier: deprecated(oneOf('Memorystore tier.', ['STANDARD_HA', 'BASIC']), 'highAvailability'),
  },
);

const publication = obj(
  'PublicationSpec',
  'A PostgreSQL publication, with a replication slot and a Datastream connection profile.',
  {
    name: str('Publication name, unique within the instance.', {
      minLength: 1,
      pattern: '^[a-z_][a-z0-9_]*$',
      'x-patternMessage':
        'must be a PostgreSQL identifier: lowercase letters, digits and underscores',
    }),
    database: name('Database holding the tables.'),
    tables: list(
      'Tables in schema public; they must exist before the publication is applied.',
      name('A table name.'),
      {
        minItems: 1,
      },
    ),
  },
  { required: ['name', 'database', 'tables'] },
);

const postgreSQL = obj(
  'PostgreSQLSpec',
  'A Cloud SQL for PostgreSQL instance with IAM authentication; the workload gets PGINSTANCE and PGUSER.',
  {
    // Optional as in the anchor: `postgreSQL: {}` provisions the instance with
    // only Cloud SQL's built-in `postgres` database.
    databases: list(
      'Databases to create; none means only Cloud SQL\'s built-in "postgres" database.',
      str('A database name.', {
        minLength: 1,
        pattern: '^[a-zA-Z_][a-zA-Z0-9_-]*$',
        'x-patternMessage': 'must be a database name: letters, digits, "_" and "-"',
      }),
    ),
    cpu: int('vCPUs: 1 or an even number up to 96.', {
      minimum: 1,
      maximum: 96,
      default: SPEC_DEFAULTS.postgreSQLCPU,
    }),
    memoryGB: int('Memory in GB: at least 4, at least cpu and at most 6 × cpu.', {
      minimum: 4,
      default: SPEC_DEFAULTS.postgreSQLMemoryGB,
    }),
    maxConnections: int('The max_connections flag; also the connection alert threshold.', {
      minimum: 14,
      maximum: 262143,
    }),
    highAvailability: bool('Regional availability and point-in-time recovery.', { default: false }),
    publicIP: bool(
      "Give the instance a public IPv4 address (connections still need the Cloud SQL connector and IAM). false: private IP only, for when Terraform and every client run inside the VPC (the stack's PostgreSQL grants then need a network path to the private IP).",
      { default: true },
    ),
    logicalReplication: obj(
      'LogicalReplicationSpec',
      'Turns on cloudsql.logical_decoding; `{}` is enough.',
      {
        publications: list('Publications to create.', publication),
      },
    ),
  },
);

const bigQueryDataset = obj(
  'BigQueryDatasetSpec',
  'A BigQuery dataset; the workload gets BIGQUERY_PROJECT_ID and BIGQUERY_DATASET_ID. Each table needs a "<table>.bigquerytable.json" schema file beside service.yaml.',
  {
    tables: list(
      'Table IDs.',
      str('A table ID.', {
        minLength: 1,
        pattern: '^[A-Za-z0-9_]+$',
        'x-patternMessage': 'must be a BigQuery table ID: letters, digits and underscores',
      }),
      { minItems: 1 },
    ),
    datasetID: str('Dataset ID; defaults to the service ID with "-" replaced by "_".', {
      pattern: '^[A-Za-z0-9_]{1,1024}$',
      'x-patternMessage': 'must be a BigQuery dataset ID: letters, digits and underscores',
    }),
    projectID: str('Project of the dataset; defaults to the environment project.', {
      minLength: 1,
    }),
  },
  { required: ['tables'] },
);

const legacyBigQueryTable = deprecated(
  obj(
    'LegacyBigQueryTableSpec',
    'One BigQuery table with an inline schema.',
    {
      region: str('Dataset location.'),
      tableID: name('Table ID.'),
      projectID: str('Project of the dataset.'),
      schema: list(
        'Columns.',
        obj(
          'LegacyBigQueryColumnSpec',
          'A column.',
          {
            name: name('Column name.'),
            type: name('BigQuery type, e.g. STRING.'),
            mode: str('NULLABLE, REQUIRED or REPEATED.'),
            description: str('Column description.'),
          },
          { required: ['name', 'type'] },
        ),
        { minItems: 1 },
      ),
    },
    { required: ['tableID', 'schema'] },
  ),
  'bigQueryDataset',
);

export const resourcesSection = obj('ResourcesSpec', 'Managed data stores of the environment.', {
  redis,
  postgreSQL,
  bigQueryDataset,
  bigQueryTable: legacyBigQueryTable,
});
