// What msp resolves from bench/cdktf/fixture/service.yaml, written out by hand: a
// CDKTF app has no spec loader, so it starts from these values (which favours CDKTF:
// it skips the parsing and validation msp does).

export interface EnvironmentConfig {
  readonly id: string;
  readonly projectID: string;
  readonly category: 'test' | 'internal' | 'external';
  readonly folderID: string;
  readonly preventDestroy: boolean;
  readonly dnsName: string;
  readonly cpu: string;
  readonly memory: string;
  readonly minInstances: number;
  readonly maxInstances: number;
  readonly probeTimeoutSeconds: number;
  readonly redisHighAvailability: boolean;
  readonly postgres: { readonly tier: string; readonly highAvailability: boolean };
}

export const SERVICE = {
  id: 'msp-example',
  name: 'MSP Example',
  region: 'us-central1',
  image: 'us-docker.pkg.dev/msp-images/public/msp-example:insiders',
  imageProject: 'msp-images',
  billingAccount: '0A1B2C-3D4E5F-6A7B8C',
  extraRoles: ['roles/pubsub.publisher'],
  stateBucket: 'msp-terraform-state',
  datasetID: 'msp_example',
  databases: ['primary'],
  tables: ['events'],
} as const;

export const ENVIRONMENTS: readonly EnvironmentConfig[] = [
  {
    id: 'test',
    projectID: 'msp-example-test-7f3a',
    category: 'test',
    folderID: 'folders/111111111111',
    preventDestroy: false,
    dnsName: 'msp-example.msp-platform.dev',
    cpu: '1',
    memory: '1Gi',
    minInstances: 0,
    maxInstances: 3,
    probeTimeoutSeconds: 3,
    redisHighAvailability: false,
    postgres: { tier: 'db-custom-1-4096', highAvailability: false },
  },
  {
    id: 'prod',
    projectID: 'msp-example-prod-2b9c',
    category: 'external',
    folderID: 'folders/333333333333',
    preventDestroy: true,
    dnsName: 'msp-example.msp-platform.com',
    cpu: '2',
    memory: '2Gi',
    minInstances: 1,
    maxInstances: 10,
    probeTimeoutSeconds: 3,
    redisHighAvailability: true,
    postgres: { tier: 'db-custom-2-8192', highAvailability: true },
  },
];

/** The 22 APIs msp enables in every project. */
export const PROJECT_APIS = [
  'accesscontextmanager',
  'bigquery',
  'bigqueryconnection',
  'cloudbuild',
  'clouddeploy',
  'cloudprofiler',
  'cloudscheduler',
  'compute',
  'containerregistry',
  'iam',
  'logging',
  'monitoring',
  'networkmanagement',
  'pubsub',
  'redis',
  'run',
  'secretmanager',
  'servicenetworking',
  'sqladmin',
  'storage-api',
  'storage-component',
  'vpcaccess',
] as const;

/** GCS state prefix of one stack, as msp writes it. */
export const statePrefix = (env: EnvironmentConfig, stack: string): string =>
  `msp/${SERVICE.id}/${env.id}/${stack}`;
