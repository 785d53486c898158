import { IntegrationConfigError, envValue, type RuntimeEnv } from './runtime-types.js';
import { refusedOtelVariables, resourceAttributesFromEnv } from './otel-env.js';

/** Google Cloud's OTLP endpoint for traces and metrics (the Telemetry API). */
export const GCP_TELEMETRY_ENDPOINT = 'https://telemetry.googleapis.com';

/** The OTLP encodings `OTEL_EXPORTER_OTLP_PROTOCOL` may name; the first is the default. */
export const OTLP_PROTOCOLS = ['http/protobuf', 'http/json'] as const;
type OtlpProtocol = (typeof OTLP_PROTOCOLS)[number];

export type TelemetryDestination =
  | { readonly kind: 'none'; readonly reason: string }
  | { readonly kind: 'gcp'; readonly projectId: string }
  | {
      readonly kind: 'otlp';
      readonly endpoint: string;
      readonly protocol: OtlpProtocol;
    };

export interface SamplerSettings {
  /** Fraction of new traces sampled, 0..1. */
  readonly ratio: number;
  /** Follow the caller's sampling decision when there is one. */
  readonly parentBased: boolean;
}

export interface TelemetrySettings {
  readonly destination: TelemetryDestination;
  readonly sampler: SamplerSettings;
  /** @default 30 s on Google Cloud, 60 s otherwise */
  readonly metricIntervalMs: number;
  /** From `OTEL_RESOURCE_ATTRIBUTES`, under the runtime's own. */
  readonly resourceAttributes: Readonly<Record<string, string>>;
}

const SAMPLERS: Record<string, (ratio: number) => SamplerSettings> = {
  always_on: () => ({ ratio: 1, parentBased: false }),
  always_off: () => ({ ratio: 0, parentBased: false }),
  traceidratio: (ratio) => ({ ratio, parentBased: false }),
  parentbased_always_on: () => ({ ratio: 1, parentBased: true }),
  parentbased_always_off: () => ({ ratio: 0, parentBased: true }),
  parentbased_traceidratio: (ratio) => ({ ratio, parentBased: true }),
};

/** The samplers `OTEL_TRACES_SAMPLER` may name. */
export const SAMPLER_NAMES = Object.keys(SAMPLERS);
/** The sampler when `OTEL_TRACES_SAMPLER` is unset, off Google Cloud: every trace, for development. */
export const DEFAULT_SAMPLER = 'parentbased_always_on';
/**
 * The sampler when `OTEL_TRACES_SAMPLER` is unset on Google Cloud (msp):
 * follow the caller's decision, else sample 10 % of new traces
 * (`OTEL_TRACES_SAMPLER_ARG` changes the ratio). A span per request at 100 %
 * costs more than a trivial request itself (docs/performance.md).
 */
export const PRODUCTION_SAMPLER = 'parentbased_traceidratio';
export const PRODUCTION_SAMPLE_RATIO = 0.1;

/**
 * What telemetry does, from the environment:
 * - `OTEL_SDK_DISABLED=true`: nothing.
 * - `MSP=true` (on Google Cloud) or `OTEL_GCP_PROJECT_ID` set: OTLP to the
 *   Telemetry API in the project of `OTEL_GCP_PROJECT_ID`, else
 *   `GOOGLE_CLOUD_PROJECT` (which alone, as gcloud users often have it set
 *   locally, does not turn export on).
 * - otherwise OTLP to `OTEL_EXPORTER_OTLP_ENDPOINT` when set
 *   (`OTEL_EXPORTER_OTLP_PROTOCOL` `http/protobuf` or `http/json`), else nothing.
 * Sampling follows `OTEL_TRACES_SAMPLER` / `OTEL_TRACES_SAMPLER_ARG`
 * (default `parentbased_traceidratio` at 0.1 on Google Cloud,
 * `parentbased_always_on` elsewhere); `OTEL_METRIC_EXPORT_INTERVAL` in ms.
 * @throws IntegrationConfigError listing every invalid variable.
 */
export function telemetrySettings(env: RuntimeEnv): TelemetrySettings {
  const problems: string[] = [];
  const destination = resolveDestination(env, problems);
  const sampler = resolveSampler(env, destination.kind === 'gcp', problems);
  const interval = envValue(env, 'OTEL_METRIC_EXPORT_INTERVAL');
  if (interval !== undefined && !/^[1-9]\d*$/.test(interval)) {
    problems.push(
      `OTEL_METRIC_EXPORT_INTERVAL: "${interval}" is not a positive number of milliseconds`,
    );
  }
  const resource = resourceAttributesFromEnv(env);
  if (destination.kind !== 'none' || destination.reason !== 'OTEL_SDK_DISABLED is true') {
    problems.push(...refusedOtelVariables(env), ...resource.problems);
  }
  if (problems.length > 0) throw new IntegrationConfigError('telemetry', problems);
  const defaultInterval = destination.kind === 'gcp' ? 30_000 : 60_000;
  return {
    destination,
    sampler,
    metricIntervalMs: interval === undefined ? defaultInterval : Number(interval),
    resourceAttributes: resource.attributes,
  };
}

function resolveDestination(env: RuntimeEnv, problems: string[]): TelemetryDestination {
  if (envValue(env, 'OTEL_SDK_DISABLED')?.toLowerCase() === 'true') {
    return { kind: 'none', reason: 'OTEL_SDK_DISABLED is true' };
  }
  const explicitProject = envValue(env, 'OTEL_GCP_PROJECT_ID');
  if (envValue(env, 'MSP')?.toLowerCase() === 'true' || explicitProject !== undefined) {
    const projectId = explicitProject ?? envValue(env, 'GOOGLE_CLOUD_PROJECT');
    if (projectId === undefined) {
      problems.push(
        'GOOGLE_CLOUD_PROJECT: required when MSP=true, to export telemetry to Google Cloud',
      );
      return { kind: 'none', reason: 'no project' };
    }
    return { kind: 'gcp', projectId };
  }
  const endpoint = envValue(env, 'OTEL_EXPORTER_OTLP_ENDPOINT');
  if (endpoint === undefined)
    return { kind: 'none', reason: 'OTEL_EXPORTER_OTLP_ENDPOINT is not set' };
  if (!URL.canParse(endpoint) || !/^https?:$/.test(new URL(endpoint).protocol)) {
    problems.push(
      `OTEL_EXPORTER_OTLP_ENDPOINT: "${endpoint}" is not an http(s) URL such as http://localhost:4318`,
    );
  }
  const protocol = envValue(env, 'OTEL_EXPORTER_OTLP_PROTOCOL') ?? OTLP_PROTOCOLS[0];
  if (!isOtlpProtocol(protocol)) {
    problems.push(
      `OTEL_EXPORTER_OTLP_PROTOCOL: "${protocol}" is not supported; use ${OTLP_PROTOCOLS.join(' or ')}`,
    );
    return { kind: 'none', reason: 'invalid protocol' };
  }
  return { kind: 'otlp', endpoint: endpoint.replace(/\/+$/, ''), protocol };
}

function isOtlpProtocol(value: string): value is OtlpProtocol {
  return (OTLP_PROTOCOLS as readonly string[]).includes(value);
}

function resolveSampler(env: RuntimeEnv, onGcp: boolean, problems: string[]): SamplerSettings {
  const chosen = envValue(env, 'OTEL_TRACES_SAMPLER');
  const name = chosen ?? (onGcp ? PRODUCTION_SAMPLER : DEFAULT_SAMPLER);
  const make = SAMPLERS[name];
  if (make === undefined) {
    problems.push(`OTEL_TRACES_SAMPLER: "${name}" is not one of ${SAMPLER_NAMES.join(', ')}`);
    return { ratio: 1, parentBased: true };
  }
  const arg = envValue(env, 'OTEL_TRACES_SAMPLER_ARG');
  const defaultRatio = chosen === undefined && onGcp ? PRODUCTION_SAMPLE_RATIO : 1;
  const ratio = arg === undefined ? defaultRatio : Number(arg);
  if (!(ratio >= 0 && ratio <= 1)) {
    problems.push(`OTEL_TRACES_SAMPLER_ARG: "${arg}" is not a ratio between 0 and 1`);
  }
  return make(ratio);
}
