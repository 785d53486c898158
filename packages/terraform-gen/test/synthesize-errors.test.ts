import {
  FragmentConflictError,
  isGenerationError,
  mergeFragments,
  synthesize,
} from '../src/index.js';
import { environment, GCS_STATE, platformConfig, serviceInfo, spec } from './fixtures/base.js';

const service = serviceInfo('demo');

describe('synthesize rejects what it cannot generate', () => {
  it('needs a resolved image tag for every subscription environment', () => {
    const resolved = spec(service, [
      environment(service, {
        id: 'dev',
        category: 'test',
        deploy: { type: 'subscription', tag: 'insiders' },
      }),
    ]);
    expect(() => synthesize(resolved, platformConfig())).toThrow(
      'environment "dev" has deploy type subscription: resolve its image tag first (resolveImageTags) and pass it as options.imageTags["dev"]',
    );
  });

  it('refuses names resolved for another state backend', () => {
    const resolved = spec(service, [environment(service, { id: 'dev', category: 'test' })]);
    expect(() => synthesize(resolved, platformConfig({ state: GCS_STATE }))).toThrow(
      'environment dev was resolved for another state backend than gcs: resolve the spec with the platform config it is synthesized with',
    );
  });

  it('rejects an env var that the platform also sets, and two volumes at one path', () => {
    const resolved = spec(service, [
      environment(service, {
        id: 'dev',
        category: 'test',
        env: [{ name: 'MSP', value: 'false' }],
        secretVolumes: [
          {
            name: 'a',
            mountDir: '/etc/x',
            fileName: 'a',
            secret: 'A',
            projectID: 'p',
            crossProject: false,
            reference: 'A',
          },
          {
            name: 'b',
            mountDir: '/etc/x',
            fileName: 'b',
            secret: 'B',
            projectID: 'p',
            crossProject: false,
            reference: 'B',
          },
        ],
      }),
    ]);
    expect(() => synthesize(resolved, platformConfig())).toThrow(
      'cannot build the Cloud Run container: env var MSP is set twice; two volumes are mounted at /etc/x',
    );
  });
});

describe('every problem at once', () => {
  it('reports the problems of every environment in one GenerationError', () => {
    const resolved = spec(service, [
      environment(service, {
        id: 'dev',
        category: 'test',
        deploy: { type: 'subscription', tag: 'insiders' },
      }),
      environment(service, { id: 'ok', category: 'test' }),
      environment(service, {
        id: 'stg',
        category: 'test',
        env: [{ name: 'ENVIRONMENT_ID', value: 'x' }],
      }),
    ]);
    let caught: unknown;
    try {
      synthesize(resolved, platformConfig());
    } catch (error) {
      caught = error;
    }
    expect(isGenerationError(caught)).toBe(true);
    expect(caught).toMatchObject({ name: 'GenerationError', code: 'generation-failed' });
    expect(isGenerationError(caught) ? caught.problems : []).toEqual([
      'environments.dev: environment "dev" has deploy type subscription: resolve its image tag first (resolveImageTags) and pass it as options.imageTags["dev"]',
      'environments.stg: cannot build the Cloud Run container: env var ENVIRONMENT_ID is set twice',
    ]);
  });
});

describe('Terraform version', () => {
  it('must support ephemeral values when a stack reads provider tokens', () => {
    const resolved = spec(service, [environment(service, { id: 'dev', category: 'test' })]);
    expect(() => synthesize(resolved, platformConfig({ terraformVersion: '1.9.8' }))).toThrow(
      'stack monitoring reads provider tokens as ephemeral values, which need Terraform 1.10 or later: terraformVersion in msp.config.yaml is 1.9.8',
    );
    expect(() =>
      synthesize(resolved, platformConfig({ terraformVersion: '1.10.0' })),
    ).not.toThrow();
  });
});

describe('mergeFragments', () => {
  it('merges disjoint objects of one type', () => {
    expect(
      mergeFragments([
        { resource: { random_id: { a: { byte_length: 1 } } } },
        { resource: { random_id: { b: { byte_length: 2 } } } },
      ]),
    ).toEqual({ resource: { random_id: { a: { byte_length: 1 }, b: { byte_length: 2 } } } });
  });

  it('rejects every address defined twice, even with equal content', () => {
    const fragment = {
      resource: { random_id: { a: { byte_length: 1 } } },
      output: { x: { value: 1, description: '' } },
    };
    expect(() => mergeFragments([fragment, fragment])).toThrow(FragmentConflictError);
    expect(() => mergeFragments([fragment, fragment])).toThrow(
      expect.objectContaining({ code: 'fragment-conflict' }),
    );
    expect(() => mergeFragments([fragment, fragment])).toThrow(
      'conflicting Terraform definitions at resource.random_id.a, output.x: each address may be defined once',
    );
  });
});
