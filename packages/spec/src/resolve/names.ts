/**
 * Every name msp derives from the spec, with the GCP limits that apply.
 * Rules check the limits; resolveSpec uses the same functions.
 */
import type { PlatformConfig } from '../platform-config.js';
import type { EnvironmentSpec } from '../generated/service-spec.js';

/** GCP project display name, at most 30 characters. */
export function projectDisplayName(serviceName: string, envID: string): string {
  return `${serviceName} - ${envID}`;
}

/** Cloud Run service or job name, at most 63 characters. */
export function cloudRunName(serviceID: string, envID: string, region: string): string {
  return `${serviceID}-${envID}-${region}`;
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
