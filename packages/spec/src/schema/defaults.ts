/**
 * Every default of the spec, in one place: the schema documents them and
 * `resolveSpec` applies them.
 */
export const SPEC_DEFAULTS = {
  kind: 'service',
  manualTag: 'insiders',
  initialImageTag: 'insiders',
  gcpRegion: 'us-central1',
  gcpLocation: 'US',
  minCount: 0,
  maxCount: 5,
  maxRequestConcurrency: 1000,
  healthProbeTimeoutSeconds: 3,
  /** livenessInterval defaults to this many timeouts. */
  livenessIntervalTimeouts: 10,
  /** Timeout and interval of the older startupProbe/livenessProbe fields. */
  legacyProbeSeconds: 1,
  /** Cloud Run's own startup allowance when msp probes are off. */
  startupLatencyWithoutProbesSeconds: 240,
  redisMemoryGB: 1,
  postgreSQLCPU: 1,
  postgreSQLMemoryGB: 4,
  deadlineSeconds: 300,
  alertDurationMinutes: 1,
  cloudflareProxied: true,
} as const;

/** Regions the anchor allows; the platform config may change the list. */
export const DEFAULT_ALLOWED_REGIONS = [
  'us-central1',
  'us-west1',
  'asia-northeast1',
  'australia-southeast1',
  'europe-west2',
  'europe-west3',
  'northamerica-northeast1',
] as const;

/** BigQuery multi-regions. */
export const DEFAULT_ALLOWED_LOCATIONS = ['US', 'EU'] as const;
