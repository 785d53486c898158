import { envValue, type RuntimeEnv } from './runtime-types.js';

/**
 * `OTEL_*` variables that `NodeSDK` reads and the runtime does not, each with
 * what to do instead. Set, they are refused at start-up (all at once, with the
 * other configuration problems) rather than silently ignored.
 */
const REFUSED: Readonly<
  Record<string, { readonly accepts?: readonly string[]; readonly why: string }>
> = {
  OTEL_SERVICE_NAME: {
    why: 'the service name is the `name` of the service or job definition; remove it',
  },
  OTEL_TRACES_EXPORTER: {
    accepts: ['otlp'],
    why: 'traces are exported over OTLP only; use OTEL_SDK_DISABLED=true to turn export off',
  },
  OTEL_METRICS_EXPORTER: {
    accepts: ['otlp'],
    why: 'metrics are exported over OTLP only; use OTEL_SDK_DISABLED=true to turn export off',
  },
  OTEL_LOGS_EXPORTER: {
    accepts: ['none'],
    why: 'logs go to standard output (Cloud Logging reads them), not over OTLP',
  },
  OTEL_PROPAGATORS: {
    accepts: ['tracecontext,baggage', 'baggage,tracecontext'],
    why: 'the runtime propagates W3C trace context and baggage only',
  },
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: {
    why: 'per-signal endpoints are not supported; set OTEL_EXPORTER_OTLP_ENDPOINT',
  },
  OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: {
    why: 'per-signal endpoints are not supported; set OTEL_EXPORTER_OTLP_ENDPOINT',
  },
  OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: {
    why: 'per-signal protocols are not supported; set OTEL_EXPORTER_OTLP_PROTOCOL',
  },
  OTEL_EXPORTER_OTLP_METRICS_PROTOCOL: {
    why: 'per-signal protocols are not supported; set OTEL_EXPORTER_OTLP_PROTOCOL',
  },
  OTEL_NODE_RESOURCE_DETECTORS: {
    why: 'the resource is the service, its version and instance (and GCP on Google Cloud); add attributes with OTEL_RESOURCE_ATTRIBUTES',
  },
  OTEL_NODE_ENABLED_INSTRUMENTATIONS: {
    why: 'add instrumentations with `telemetry.instrumentations` on the service definition',
  },
  OTEL_NODE_DISABLED_INSTRUMENTATIONS: {
    why: 'the runtime instruments only HTTP, fetch and its own data clients; remove it',
  },
};

/** What is wrong with the `OTEL_*` variables of `env` the runtime does not honour. */
export function refusedOtelVariables(env: RuntimeEnv): string[] {
  return Object.entries(REFUSED).flatMap(([name, rule]) => {
    const value = envValue(env, name);
    if (value === undefined) return [];
    const normalised = value.replaceAll(' ', '').toLowerCase();
    if (rule.accepts?.includes(normalised) === true) return [];
    return [`${name}: "${value}" is not supported: ${rule.why}`];
  });
}

/**
 * `OTEL_RESOURCE_ATTRIBUTES` (`key=value,key2=value2`, values
 * percent-encoded) as attributes; the runtime's own (`service.name`, ...)
 * take precedence over them.
 * @returns the attributes, and a problem for each malformed entry
 */
export function resourceAttributesFromEnv(env: RuntimeEnv): {
  attributes: Record<string, string>;
  problems: string[];
} {
  const raw = envValue(env, 'OTEL_RESOURCE_ATTRIBUTES');
  const attributes: Record<string, string> = {};
  const problems: string[] = [];
  if (raw === undefined) return { attributes, problems };
  for (const entry of raw.split(',')) {
    if (entry.trim() === '') continue;
    const at = entry.indexOf('=');
    const key = at === -1 ? '' : entry.slice(0, at).trim();
    let value: string | undefined;
    try {
      value = at === -1 ? undefined : decodeURIComponent(entry.slice(at + 1).trim());
    } catch {
      value = undefined;
    }
    if (key === '' || value === undefined) {
      problems.push(
        `OTEL_RESOURCE_ATTRIBUTES: "${entry}" is not key=value (values percent-encoded)`,
      );
    } else attributes[key] = value;
  }
  return { attributes, problems };
}
