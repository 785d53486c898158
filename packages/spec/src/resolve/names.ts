/**
 * Every name msp derives from the spec, and the Google Cloud and Terraform
 * Cloud limits that apply to them (`NAME_LIMITS`). resolveSpec builds the
 * names table (`ResolvedSpec.names`, each environment's `names`) with these
 * functions; the name rules (`rules/name-rules.ts`) check the same names
 * against the limits, so generation never meets a name the API refuses.
 */
import type { PlatformConfig, StateBackend } from '../platform-config.js';
import type { EnvironmentSpec } from '../generated/service-spec.js';
import type {
  ResolvedEnvironmentNames,
  ResolvedLoadBalancerNames,
  ResolvedServiceNames,
  ServiceKind,
} from '../resolved.js';

/** Stacks in apply order; each has its own state. */
export const STACK_NAMES = ['project', 'iam', 'cloudrun', 'monitoring', 'tfcworkspaces'] as const;
export type StackName = (typeof STACK_NAMES)[number];

/** A limit on a name: its length, and the characters it may hold. */
export interface NameLimit {
  readonly min?: number;
  readonly max: number;
  readonly pattern?: RegExp;
  /** The characters `pattern` allows, in words. */
  readonly characters?: string;
}

/** The limits of every kind of name msp derives. */
export const NAME_LIMITS = {
  /** Project display names. */
  projectDisplayName: { max: 30 },
  /** Project IDs (a spec field; the project-id-format rule checks it). */
  projectID: { min: 6, max: 30 },
  /** Cloud Run service and job names. */
  cloudRunName: { max: 63 },
  /** IAM service account IDs. */
  serviceAccountID: {
    min: 6,
    max: 30,
    pattern: /^[a-z][a-z0-9-]*[a-z0-9]$/,
    characters: 'lowercase letters, digits and hyphens, starting with a letter',
  },
  /** Compute Engine names: the private network, its peering range, load balancer resources. */
  computeName: {
    max: 63,
    pattern: /^[a-z]([a-z0-9-]*[a-z0-9])?$/,
    characters:
      'lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen',
  },
  /** Cloud Deploy delivery pipelines and targets. */
  cloudDeployName: {
    max: 63,
    pattern: /^[a-z]([a-z0-9-]*[a-z0-9])?$/,
    characters:
      'lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen',
  },
  /** Terraform Cloud projects. */
  terraformCloudProject: {
    min: 3,
    max: 40,
    pattern: /^[A-Za-z0-9_-]([A-Za-z0-9 _-]*[A-Za-z0-9_-])?$/,
    characters: 'letters, digits, spaces, "_" and "-", not starting or ending with a space',
  },
  /** Terraform Cloud workspaces. */
  terraformCloudWorkspace: {
    max: 90,
    pattern: /^[A-Za-z0-9_-]+$/,
    characters: 'letters, digits, "_" and "-"',
  },
  /** Terraform Cloud workspace tags. */
  terraformCloudTag: {
    max: 255,
    pattern: /^[A-Za-z0-9]([A-Za-z0-9:_-]*[A-Za-z0-9])?$/,
    characters: 'letters, digits, ":", "_" and "-", starting and ending with a letter or digit',
  },
} as const satisfies Record<string, NameLimit>;

/** What is wrong with `name` under `limit`, or undefined when nothing is. */
export function nameProblem(name: string, limit: NameLimit): string | undefined {
  if (name.length > limit.max)
    return `is too long: at most ${limit.max} characters (it has ${name.length})`;
  if (limit.min !== undefined && name.length < limit.min)
    return `is too short: at least ${limit.min} characters (it has ${name.length})`;
  if (limit.pattern !== undefined && !limit.pattern.test(name))
    return `may contain only ${limit.characters ?? limit.pattern.source}`;
  return undefined;
}

/** GCP project display name, at most 30 characters. */
export function projectDisplayName(serviceName: string, envID: string): string {
  return `${serviceName} - ${envID}`;
}

/** Cloud Run service or job name, at most 63 characters. */
export function cloudRunName(serviceID: string, envID: string, region: string): string {
  return `${serviceID}-${envID}-${region}`;
}

/** Start of the operator access account's ID; a random 6-hex suffix follows. */
export const OPERATOR_ACCESS_ACCOUNT_PREFIX = 'operatoraccess-';

/** The names shared by every environment of a service. */
export function serviceNames(
  service: { readonly id: string; readonly kind: ServiceKind },
  platform: PlatformConfig,
): ResolvedServiceNames {
  const state = platform.state;
  return {
    workloadServiceAccountID: `${service.id}-sa`,
    ...(service.kind === 'job' ? { jobInvokerServiceAccountID: `${service.id}-job-sa` } : {}),
    operatorAccessAccountPrefix: OPERATOR_ACCESS_ACCOUNT_PREFIX,
    privateNetwork: {
      network: service.id,
      peeringRange: `${service.id}-service-networking-connection`,
    },
    ...(state.type === 'terraform-cloud'
      ? { terraformCloud: { serviceTag: serviceTag(state.workspacePrefix, service.id) } }
      : {}),
  };
}

/** What an environment's names are made of. */
export interface EnvironmentNameInputs {
  readonly id: string;
  readonly projectID: string;
  readonly region: string;
  readonly cloudRunName: string;
  /** Whether the environment has a domain, hence a load balancer. */
  readonly domain: boolean;
  /** Present when the environment is a rollout stage. */
  readonly rolloutStage?: { readonly isFinal: boolean };
}

/** The names of one environment of service `serviceID`. */
export function environmentNames(
  serviceID: string,
  env: EnvironmentNameInputs,
  platform: PlatformConfig,
): ResolvedEnvironmentNames {
  const state = platform.state;
  const stateLocations = Object.fromEntries(
    STACK_NAMES.map((stack) => [stack, stateLocation(state, serviceID, env.id, stack)]),
  ) as Record<StackName, string>;
  const stage = env.rolloutStage;
  return {
    workloadServiceAccountEmail: serviceAccountEmail(`${serviceID}-sa`, env.projectID),
    stateLocations,
    ...(state.type === 'terraform-cloud'
      ? { terraformCloud: terraformCloudNames(state.workspacePrefix, serviceID, env.id) }
      : {}),
    ...(env.domain ? { loadBalancer: loadBalancerNames(env.cloudRunName) } : {}),
    ...(stage === undefined
      ? {}
      : {
          cloudDeploy: {
            target: `${env.id}-${env.region}`,
            ...(stage.isFinal ? { pipeline: `${serviceID}-${env.region}-rollout` } : {}),
          },
        }),
  };
}

/** The email of service account `accountID` of project `projectID`. */
export function serviceAccountEmail(accountID: string, projectID: string): string {
  return `${accountID}@${projectID}.iam.gserviceaccount.com`;
}

/** Terraform Cloud workspace or GCS state prefix of one stack. */
export function stateLocation(
  state: StateBackend,
  serviceID: string,
  envID: string,
  stack: StackName,
): string {
  return state.type === 'terraform-cloud'
    ? `${state.workspacePrefix}-${serviceID}-${envID}-${stack}`
    : `${state.prefix}/${serviceID}/${envID}/${stack}`;
}

function terraformCloudNames(
  prefix: string,
  serviceID: string,
  envID: string,
): NonNullable<ResolvedEnvironmentNames['terraformCloud']> {
  const environmentTag = `${prefix}-env-${serviceID}-${envID}`;
  return {
    project: `${prefix}-${serviceID}-${envID}`,
    environmentTag,
    workspaceTags: [prefix, serviceTag(prefix, serviceID), environmentTag],
  };
}

function serviceTag(prefix: string, serviceID: string): string {
  return `${prefix}-service-${serviceID}`;
}

function loadBalancerNames(cloudRunName: string): ResolvedLoadBalancerNames {
  return {
    neg: cloudRunName,
    backend: cloudRunName,
    urlMap: cloudRunName,
    httpsProxy: `${cloudRunName}-https`,
    sslPolicy: `${cloudRunName}-https`,
    forwardingRule: cloudRunName,
    securityPolicy: `${cloudRunName}-security-policy`,
    address: 'loadbalancer',
  };
}

export function regionOf(
  env: { readonly locations?: { readonly gcpRegion?: string } },
  platform: PlatformConfig,
): string {
  return env.locations?.gcpRegion ?? platform.allowedRegions[0] ?? 'us-central1';
}

export function locationOf(env: EnvironmentSpec, platform: PlatformConfig): string {
  const location = env.locations?.gcpLocation;
  return location === undefined
    ? (platform.allowedLocations[0] ?? 'US')
    : normalizeLocation(location);
}

/** `us` → `US`; the anchor's `europe` → `EU`. */
export function normalizeLocation(location: string): string {
  const upper = location.toUpperCase();
  return upper === 'EUROPE' ? 'EU' : upper;
}

/** Default BigQuery dataset ID: the service ID with `-` → `_`. */
export function defaultDatasetID(serviceID: string): string {
  return serviceID.replace(/-/g, '_');
}

/** Cloud SQL machine tier. */
export function postgreSQLTier(cpu: number, memoryGB: number): string {
  return `db-custom-${cpu}-${memoryGB * 1024}`;
}

/** Custom alert ID: the name lower-cased with spaces as `-`. */
export function customAlertID(name: string): string {
  return name.toLowerCase().replace(/ /g, '-');
}

/** `bigquery` → `bigquery.googleapis.com`; full names are kept. */
/**
 * Each value once, in the order first listed: the anchor accepts duplicates
 * (the duplicate-item rule warns about them), and a value twice would define
 * the same Terraform resource twice.
 */
export function uniqueValues(values: readonly string[] | undefined): string[] {
  return [...new Set(values ?? [])];
}

export function apiServiceName(name: string): string {
  return name.includes('.') ? name : `${name}.googleapis.com`;
}

/**
 * The GCP project hosting an image in gcr.io or Artifact Registry (the
 * second path segment), so its reader roles can be granted.
 */
export function imageProject(image: string): string | undefined {
  const [host, project] = image.split('/');
  if (host === undefined || project === undefined) return undefined;
  const registry =
    host === 'gcr.io' || host.endsWith('.gcr.io') || host.endsWith('-docker.pkg.dev');
  return registry ? project : undefined;
}
