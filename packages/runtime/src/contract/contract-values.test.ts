import { CONTRACT_VARIABLE_NAMES, LOCAL_DEFAULT_PORT } from '@msp/spec/contract';
import { contractVariablesFor, readContract } from './contract-values.js';

describe('readContract', () => {
  it('runs locally with no platform variables at all (the embedded default)', () => {
    const { values, issues } = readContract({});
    expect(issues).toEqual([]);
    expect(values).toMatchObject({
      MSP: false,
      ENVIRONMENT_ID: 'unknown',
      PORT: LOCAL_DEFAULT_PORT,
      LOG_LEVEL: 'info',
      LOG_FORMAT: undefined,
      DIAGNOSTICS_SECRET: undefined,
      SANITY_CHECK: false,
    });
  });

  it('parses platform values by their kind', () => {
    const { values } = readContract({
      MSP: 'true',
      PORT: '9992',
      JOB_EXECUTION_DEADLINE: '300s',
      CLOUD_RUN_TASK_INDEX: '3',
      REDIS_ENDPOINT: 'rediss://:auth@10.0.0.3:6378',
    });
    expect(values).toMatchObject({
      MSP: true,
      PORT: 9992,
      JOB_EXECUTION_DEADLINE: 300_000,
      CLOUD_RUN_TASK_INDEX: 3,
      REDIS_ENDPOINT: 'rediss://:auth@10.0.0.3:6378',
    });
  });

  it('reports every invalid contract variable, without echoing credentials', () => {
    const { values, issues } = readContract({
      PORT: 'x',
      LOG_FORMAT: 'xml',
      SENTRY_DSN: 'not a url with key123',
    });
    expect(values).toBeUndefined();
    expect(issues.map((issue) => issue.variable)).toEqual(['PORT', 'SENTRY_DSN', 'LOG_FORMAT']);
    expect(JSON.stringify(issues)).not.toContain('key123');
  });

  it('reads every variable of the table', () => {
    expect(Object.keys(readContract({}).values ?? {}).sort()).toEqual(
      [...CONTRACT_VARIABLE_NAMES].sort(),
    );
  });
});

describe('contractVariablesFor', () => {
  it('gives services PORT but not the job variables, and jobs the reverse', () => {
    const service = contractVariablesFor('service').map((v) => v.name);
    const job = contractVariablesFor('job').map((v) => v.name);
    expect(service).toContain('PORT');
    expect(service).not.toContain('JOB_EXECUTION_DEADLINE');
    expect(job).toContain('JOB_EXECUTION_DEADLINE');
    expect(job).not.toContain('PORT');
    expect(job).toContain('ENVIRONMENT_ID');
  });
});
