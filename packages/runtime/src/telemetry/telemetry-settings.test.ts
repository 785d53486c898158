import { IntegrationConfigError } from './runtime-types.js';
import { telemetrySettings } from './telemetry-settings.js';

describe('telemetrySettings', () => {
  it('exports nothing locally unless an OTLP endpoint is set', () => {
    expect(telemetrySettings({}).destination).toEqual({
      kind: 'none',
      reason: 'OTEL_EXPORTER_OTLP_ENDPOINT is not set',
    });
    expect(
      telemetrySettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://localhost:4318/' }).destination,
    ).toEqual({
      kind: 'otlp',
      endpoint: 'http://localhost:4318',
      protocol: 'http/protobuf',
    });
  });

  it('exports to Google Cloud on msp, preferring OTEL_GCP_PROJECT_ID', () => {
    const settings = telemetrySettings({
      MSP: 'true',
      GOOGLE_CLOUD_PROJECT: 'a',
      OTEL_GCP_PROJECT_ID: 'b',
    });
    expect(settings.destination).toEqual({ kind: 'gcp', projectId: 'b' });
    expect(settings.metricIntervalMs).toBe(30_000);
  });

  it('exports to Google Cloud off msp only when OTEL_GCP_PROJECT_ID asks for it', () => {
    expect(telemetrySettings({ GOOGLE_CLOUD_PROJECT: 'a' }).destination.kind).toBe('none');
    expect(telemetrySettings({ OTEL_GCP_PROJECT_ID: 'b' }).destination).toEqual({
      kind: 'gcp',
      projectId: 'b',
    });
  });

  it('is off when OTEL_SDK_DISABLED is true, even on msp', () => {
    expect(telemetrySettings({ MSP: 'true', OTEL_SDK_DISABLED: 'TRUE' }).destination.kind).toBe(
      'none',
    );
  });

  it('refuses the OTEL_* variables NodeSDK reads that the runtime does not honour, all at once', () => {
    expect(() =>
      telemetrySettings({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://localhost:4318',
        OTEL_SERVICE_NAME: 'other',
        OTEL_PROPAGATORS: 'b3',
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://x',
        OTEL_RESOURCE_ATTRIBUTES: 'team=core,broken',
      }),
    ).toThrow(
      expect.objectContaining({
        problems: [
          'OTEL_SERVICE_NAME: "other" is not supported: the service name is the `name` of the service or job definition; remove it',
          'OTEL_PROPAGATORS: "b3" is not supported: the runtime propagates W3C trace context and baggage only',
          'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "http://x" is not supported: per-signal endpoints are not supported; set OTEL_EXPORTER_OTLP_ENDPOINT',
          'OTEL_RESOURCE_ATTRIBUTES: "broken" is not key=value (values percent-encoded)',
        ],
      }),
    );
  });

  it('accepts the values that match what the runtime does, and reads OTEL_RESOURCE_ATTRIBUTES', () => {
    const settings = telemetrySettings({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://localhost:4318',
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_LOGS_EXPORTER: 'none',
      OTEL_PROPAGATORS: 'tracecontext, baggage',
      OTEL_RESOURCE_ATTRIBUTES: 'team=core,deployment.region=europe%2Cwest',
    });
    expect(settings.resourceAttributes).toEqual({
      team: 'core',
      'deployment.region': 'europe,west',
    });
  });

  it('checks no OTEL_* variable when OTEL_SDK_DISABLED is true', () => {
    expect(
      telemetrySettings({ OTEL_SDK_DISABLED: 'true', OTEL_SERVICE_NAME: 'x' }).destination.kind,
    ).toBe('none');
  });

  it.each([
    [{}, { ratio: 1, parentBased: true }],
    [{ OTEL_TRACES_SAMPLER: 'always_off' }, { ratio: 0, parentBased: false }],
    [
      { OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.25' },
      { ratio: 0.25, parentBased: true },
    ],
    [
      { OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.5' },
      { ratio: 0.5, parentBased: false },
    ],
    [
      { MSP: 'true', GOOGLE_CLOUD_PROJECT: 'p' },
      { ratio: 0.1, parentBased: true },
    ],
    [
      { MSP: 'true', GOOGLE_CLOUD_PROJECT: 'p', OTEL_TRACES_SAMPLER_ARG: '0.5' },
      { ratio: 0.5, parentBased: true },
    ],
    [
      { MSP: 'true', GOOGLE_CLOUD_PROJECT: 'p', OTEL_TRACES_SAMPLER: 'parentbased_always_on' },
      { ratio: 1, parentBased: true },
    ],
  ])('samples from %j', (env, sampler) => {
    expect(telemetrySettings(env).sampler).toEqual(sampler);
  });

  it('reports every invalid variable at once', () => {
    try {
      telemetrySettings({
        MSP: 'true',
        OTEL_TRACES_SAMPLER: 'sometimes',
        OTEL_METRIC_EXPORT_INTERVAL: '-1',
      });
      throw new Error('expected a configuration error');
    } catch (error) {
      expect(error).toBeInstanceOf(IntegrationConfigError);
      expect((error as IntegrationConfigError).problems).toEqual([
        'GOOGLE_CLOUD_PROJECT: required when MSP=true, to export telemetry to Google Cloud',
        expect.stringMatching(/^OTEL_TRACES_SAMPLER: "sometimes" is not one of always_on, /),
        'OTEL_METRIC_EXPORT_INTERVAL: "-1" is not a positive number of milliseconds',
      ]);
    }
  });

  it('rejects a bad ratio and an unsupported protocol', () => {
    expect(() =>
      telemetrySettings({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://x',
        OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc',
        OTEL_TRACES_SAMPLER: 'traceidratio',
        OTEL_TRACES_SAMPLER_ARG: '2',
      }),
    ).toThrow(
      /OTEL_TRACES_SAMPLER_ARG: "2" is not a ratio[\s\S]*|OTEL_EXPORTER_OTLP_PROTOCOL: "grpc"/,
    );
  });
});
