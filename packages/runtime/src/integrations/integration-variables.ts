import type { HelpEntry } from '../config/format-help.js';
import {
  DEFAULT_SAMPLER,
  OTLP_PROTOCOLS,
  PRODUCTION_SAMPLE_RATIO,
  PRODUCTION_SAMPLER,
  SAMPLER_NAMES,
} from '../telemetry/telemetry-settings.js';

/**
 * Variables the integrations read besides the platform contract: local
 * database connections and OpenTelemetry's standard settings. msp does not
 * set them on Cloud Run; they are for running elsewhere and for tuning.
 * `--help` lists them, and a test checks that every variable the runtime's
 * sources read is either here or in the contract.
 */
export const INTEGRATION_VARIABLES: readonly HelpEntry[] = [
  {
    name: 'PGHOST',
    type: 'string',
    description: 'PostgreSQL host for local runs (on msp: PGINSTANCE and PGUSER)',
  },
  { name: 'PGPORT', type: 'integer', description: 'PostgreSQL port', defaultText: '5432' },
  { name: 'PGPASSWORD', type: 'string', description: 'PostgreSQL password for PGHOST' },
  {
    name: 'PGDSN',
    type: 'url',
    description: 'PostgreSQL connection URL, instead of PGHOST and friends',
  },
  {
    name: 'OTEL_EXPORTER_OTLP_ENDPOINT',
    type: 'url',
    description: 'OTLP collector to export traces and metrics to off msp (none: no export)',
  },
  {
    name: 'OTEL_EXPORTER_OTLP_PROTOCOL',
    type: `one of ${OTLP_PROTOCOLS.join(', ')}`,
    description: 'OTLP encoding for OTEL_EXPORTER_OTLP_ENDPOINT',
    defaultText: OTLP_PROTOCOLS[0],
  },
  {
    name: 'OTEL_TRACES_SAMPLER',
    type: `one of ${SAMPLER_NAMES.join(', ')}`,
    description: `which requests are traced (default: ${PRODUCTION_SAMPLER} on msp, ${DEFAULT_SAMPLER} elsewhere)`,
    defaultText: DEFAULT_SAMPLER,
  },
  {
    name: 'OTEL_TRACES_SAMPLER_ARG',
    type: 'number',
    description: `the ratio for the traceidratio samplers, 0 to 1 (default: ${PRODUCTION_SAMPLE_RATIO} on msp, 1 elsewhere)`,
    defaultText: '1',
  },
  {
    name: 'OTEL_METRIC_EXPORT_INTERVAL',
    type: 'integer',
    description: 'milliseconds between metric exports (default: 30000 on msp, 60000 elsewhere)',
  },
  {
    name: 'OTEL_RESOURCE_ATTRIBUTES',
    type: 'list',
    description:
      'more resource attributes, key=value pairs separated by commas (service.name and the like stay the runtime’s)',
  },
  {
    name: 'OTEL_GCP_PROJECT_ID',
    type: 'string',
    description: 'export to the Telemetry API of this project, also off msp',
  },
  {
    name: 'OTEL_SDK_DISABLED',
    type: 'boolean',
    description: 'true turns telemetry off',
    defaultText: 'false',
  },
];
