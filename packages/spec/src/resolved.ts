/**
 * The resolved spec: every default filled in and every derived name computed.
 * `@msp/terraform-gen` consumes this shape and derives nothing itself.
 * `resolveSpec(spec, platform)` produces it.
 */

import type { StackName } from './resolve/names.js';

export type Category = 'test' | 'internal' | 'external';
export type ServiceKind = 'service' | 'job';

export interface ResolvedSpec {
  readonly service: ResolvedServiceInfo;
  readonly build: ResolvedBuild;
  /** In spec order. */
  readonly environments: readonly ResolvedEnvironment[];
  readonly monitoring: ResolvedMonitoring;
  readonly rollout?: ResolvedRollout;
  /** README.md beside the spec, without its H1 header line. */
  readonly readme?: string;
  /** The names the service's environments share (see each environment's `names`). */
  readonly names: ResolvedServiceNames;
}

/**
 * Names msp derives for the whole service. Validation checks each against
 * its Google Cloud or Terraform Cloud limit (`NAME_LIMITS`).
 */
export interface ResolvedServiceNames {
  /** Account ID of the workload service account, `<service>-sa`. */
  readonly workloadServiceAccountID: string;
  /** Account ID of a job's Cloud Scheduler invoker, `<service>-job-sa`; present for `kind: job`. */
  readonly jobInvokerServiceAccountID?: string;
  /** Start of the operator access account's ID (`operatoraccess-`); six random hex digits follow. */
  readonly operatorAccessAccountPrefix: string;
  /** The private network of Redis and Cloud SQL: network `<service>` and its peering range. */
  readonly privateNetwork: { readonly network: string; readonly peeringRange: string };
  /** Terraform Cloud state only. */
  readonly terraformCloud?: {
    /** Tag of the service's workspaces, `<prefix>-service-<service>`. */
    readonly serviceTag: string;
  };
}

/** Names msp derives for one environment, checked like {@link ResolvedServiceNames}. */
export interface ResolvedEnvironmentNames {
  /** `<service>-sa@<project>.iam.gserviceaccount.com` */
  readonly workloadServiceAccountEmail: string;
  /**
   * Where each stack keeps its state: the Terraform Cloud workspace
   * `<prefix>-<service>-<env>-<stack>`, or the GCS prefix
   * `<prefix>/<service>/<env>/<stack>`. (Stack `tfcworkspaces` exists only
   * with Terraform Cloud state.)
   */
  readonly stateLocations: Readonly<Record<StackName, string>>;
  /** Terraform Cloud state only. */
  readonly terraformCloud?: {
    /** The environment's project, `<prefix>-<service>-<env>`. */
    readonly project: string;
    /** Tag of the environment's workspaces, `<prefix>-env-<service>-<env>`. */
    readonly environmentTag: string;
    /** Tags every workspace of the environment gets: the prefix, the service tag, the environment tag. */
    readonly workspaceTags: readonly string[];
  };
  /** With a domain: the load balancer chain in front of Cloud Run. */
  readonly loadBalancer?: ResolvedLoadBalancerNames;
  /** A rollout stage's Cloud Deploy target `<env>-<region>`; the final stage also holds the pipeline `<service>-<region>-rollout`. */
  readonly cloudDeploy?: { readonly target: string; readonly pipeline?: string };
}

/** Compute Engine names of a domain's load balancer, at most 63 characters each. */
export interface ResolvedLoadBalancerNames {
  readonly neg: string;
  readonly backend: string;
  readonly urlMap: string;
  readonly httpsProxy: string;
  readonly sslPolicy: string;
  readonly forwardingRule: string;
  readonly securityPolicy: string;
  readonly address: string;
}

export interface ResolvedServiceInfo {
  readonly id: string;
  /** `service.name`, or the ID when unset. */
  readonly name: string;
  readonly kind: ServiceKind;
  readonly owners: readonly string[];
  readonly description: string;
  readonly notionPageID?: string;
  /** Operational handbook URL (platform config `handbookURLTemplate` applied to notionPageID). */
  readonly handbookURL?: string;
  /** `h2c` for gRPC / HTTP/2 end to end; absent for HTTP/1. */
  readonly protocol?: 'h2c';
  readonly iam: {
    /** Extra APIs to enable, as `<name>.googleapis.com`. */
    readonly services: readonly string[];
    readonly roles: readonly string[];
    readonly permissions: readonly string[];
  };
}

export interface ResolvedBuild {
  /** Image repository without tag. */
  readonly image: string;
  /** GCP project hosting a private image (gcr.io / Artifact Registry), if any. */
  readonly imageProject?: string;
  readonly source?: { readonly repo: string; readonly dir: string };
}

export type ResolvedDeploy =
  | { readonly type: 'manual'; readonly tag: string }
  | { readonly type: 'subscription'; readonly tag: string }
  | { readonly type: 'rollout'; readonly initialImageTag: string };

/** A Secret Manager secret reference from `secretEnv` or `secretVolumes`. */
export interface ResolvedSecretRef {
  /** Secret ID (the last path segment). */
  readonly secret: string;
  /** Project holding the secret. */
  readonly projectID: string;
  /** True when the secret lives in another project (access is granted by the iam stack). */
  readonly crossProject: boolean;
  /** The value to put in Cloud Run: the secret ID, or `projects/<p>/secrets/<s>`. */
  readonly reference: string;
}

export interface ResolvedSecretEnv extends ResolvedSecretRef {
  readonly name: string;
}

export interface ResolvedSecretVolume extends ResolvedSecretRef {
  /** Volume name (the map key). */
  readonly name: string;
  /** Directory the volume is mounted at (dirname of mountPath). */
  readonly mountDir: string;
  /** File name inside the directory (basename of mountPath). */
  readonly fileName: string;
}

export interface ResolvedInstances {
  readonly cpu: number;
  /** Kubernetes-style quantity as written, e.g. `1Gi`. */
  readonly memory: string;
  readonly memoryMiB: number;
  /** Cloud Run execution environment generation, when set. */
  readonly cloudRunGeneration?: 1 | 2;
  /** Absent when the spec has no `scaling` block. */
  readonly scaling?: {
    readonly minCount: number;
    readonly maxCount: number;
    readonly maxRequestConcurrency: number;
  };
  /** Request concurrency per instance (1000 unless `scaling.maxRequestConcurrency`). */
  readonly maxRequestConcurrency: number;
}

export interface ResolvedDomain {
  readonly type: 'cloudflare';
  readonly subdomain: string;
  readonly zone: string;
  /** `<subdomain>.<zone>` */
  readonly dnsName: string;
  readonly proxied: boolean;
  /** A Cloud Armor policy admits only Cloudflare's edge (proxied domains, every category). */
  readonly cloudflareOnly: boolean;
  readonly loadBalancerLogging: boolean;
}

export type ResolvedHealthProbes =
  | { readonly enabled: false }
  | {
      readonly enabled: true;
      readonly timeoutSeconds: number;
      readonly startupIntervalSeconds: number;
      readonly livenessIntervalSeconds: number;
    };

export interface ResolvedServiceSettings {
  readonly domain?: ResolvedDomain;
  readonly healthProbes: ResolvedHealthProbes;
  /** IAM members granted `roles/run.invoker`: `allUsers`, `domain:<d>`, or none. */
  readonly invokers: readonly string[];
  /**
   * Organisation-domain authentication without authenticationDomain in the
   * platform config: the domain is the `authentication_domain` input variable
   * the operator supplies at plan time.
   */
  readonly invokerDomainFromInput?: true;
  /** 240 when probes are off, else 3 × startupInterval. */
  readonly maximumStartupLatencySeconds: number;
}

export interface ResolvedJobSettings {
  readonly deadlineSeconds: number;
  readonly schedule?: {
    readonly cron: string;
    /** Longest gap between two runs, in seconds. */
    readonly maxIntervalSeconds: number;
  };
}

export interface ResolvedRedis {
  readonly memoryGB: number;
  readonly highAvailability: boolean;
  readonly tier: 'STANDARD_HA' | 'BASIC';
  /** `redis` (HA) or `redis-basic`. */
  readonly instanceName: string;
  readonly displayName: string;
}

export interface ResolvedPublication {
  readonly name: string;
  readonly database: string;
  readonly tables: readonly string[];
}

export interface ResolvedPostgreSQL {
  readonly databases: readonly string[];
  readonly cpu: number;
  readonly memoryGB: number;
  /** `db-custom-<cpu>-<memoryMiB>` */
  readonly tier: string;
  readonly maxConnections?: number;
  readonly highAvailability: boolean;
  /** A public IPv4 address (connector and IAM still required); false: private IP only. */
  readonly publicIP: boolean;
  readonly logicalReplication?: { readonly publications: readonly ResolvedPublication[] };
}

export interface ResolvedBigQueryTable {
  readonly id: string;
  /** The table's JSON schema, re-indented with two spaces. */
  readonly schemaJSON: string;
}

export interface ResolvedBigQueryDataset {
  readonly datasetID: string;
  readonly projectID: string;
  readonly location: string;
  readonly tables: readonly ResolvedBigQueryTable[];
}

export interface ResolvedResources {
  readonly redis?: ResolvedRedis;
  readonly postgreSQL?: ResolvedPostgreSQL;
  readonly bigQueryDataset?: ResolvedBigQueryDataset;
  /** True when Redis or PostgreSQL needs the private network. */
  readonly needsPrivateNetwork: boolean;
}

export interface ResolvedEnvironment {
  readonly id: string;
  readonly projectID: string;
  readonly category: Category;
  /** `internal` and `external` are production. */
  readonly isProduction: boolean;
  /** `"<name> - <env id>"`, at most 30 characters. */
  readonly projectDisplayName: string;
  readonly region: string;
  /** BigQuery multi-region, e.g. `US`. */
  readonly gcpLocation: string;
  /** Cloud Run service or job name `<svc>-<env>-<region>`, at most 63 characters. */
  readonly cloudRunName: string;
  readonly deploy: ResolvedDeploy;
  /** The image tag the first (or only) revision uses. */
  readonly imageTag: string;
  readonly allowDestroys: boolean;
  /** Plain env vars with templates applied, sorted by name. */
  readonly env: readonly { readonly name: string; readonly value: string }[];
  readonly secretEnv: readonly ResolvedSecretEnv[];
  readonly secretVolumes: readonly ResolvedSecretVolume[];
  readonly instances: ResolvedInstances;
  readonly alerting: { readonly opsgenie: boolean };
  /** Present for `kind: service`. */
  readonly service?: ResolvedServiceSettings;
  /** Present for `kind: job`. */
  readonly job?: ResolvedJobSettings;
  readonly resources: ResolvedResources;
  /** Position in `rollout.stages`, when the environment is a rollout stage. */
  readonly rolloutStage?: { readonly index: number; readonly isFinal: boolean };
  /** Everything else named after the service and environment. */
  readonly names: ResolvedEnvironmentNames;
}

export interface ResolvedResponseCodeRatio {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly code?: number;
  readonly codeClass?: string;
  readonly excludeCodes: readonly string[];
  readonly durationMinutes: number;
  readonly ratio: number;
}

export interface ResolvedCustomAlert {
  /** Lower-case name with spaces replaced by `-`. */
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly severityLevel: 'WARNING' | 'CRITICAL';
  readonly condition: {
    readonly type: 'mql' | 'promql';
    readonly query: string;
    readonly durationMinutes: number;
  };
}

export interface ResolvedMonitoring {
  readonly responseCodeRatios: readonly ResolvedResponseCodeRatio[];
  readonly customAlerts: readonly ResolvedCustomAlert[];
}

export interface ResolvedRolloutStage {
  readonly environmentID: string;
  readonly projectID: string;
}

export interface ResolvedRollout {
  readonly stages: readonly ResolvedRolloutStage[];
  readonly suspended: boolean;
  readonly serviceAccount?: string;
  readonly initialImageTag: string;
}
