import type { ValidationError } from './compiled-validator.js';
import { parseSpec } from '../parse-spec.js';
import { resolvePlatformConfig } from '../platform/resolve-platform-config.js';
import { ajvIssue } from './ajv-issue.js';
import { validateSpec } from './validate-spec.js';

const SPEC = `service: { id: shop, owners: [commerce], description: Sells things. }
build: { image: us.gcr.io/shop-images/shop }
environments:
  - id: dev
    projectID: shop-dev-ab12
    category: test
    deploy: { type: manual, manual: { tag: 1.0 } }
    instances: { resources: { cpu: 1, memory: 1Gi } }
`;

describe('validateSpec', () => {
  it('takes numbers where strings are expected as written, as the anchor did', () => {
    const result = validateSpec(parseSpec(SPEC));
    expect(result.ok && result.spec.environments[0]?.deploy.manual?.tag).toBe('1.0');
  });

  it('passes with warnings, and rewrites older field names', () => {
    const result = validateSpec(
      parseSpec(
        SPEC.replace(
          '    category: test\n',
          '    category: test\n    startupProbe: { disabled: true }\n',
        ),
      ),
    );
    expect(result.ok).toBe(true);
    expect(result.issues.map((issue) => [issue.severity, issue.code, issue.message])).toEqual([
      ['warning', 'deprecated-field', '"startupProbe" is deprecated: use "healthProbes"'],
    ]);
    expect(result.ok && result.spec.environments[0]?.healthProbes).toEqual({
      healthzProbes: false,
    });
    expect(result.ok && result.spec.environments[0]?.startupProbe).toBeUndefined();
  });

  it('checks regions against the platform config', () => {
    const platform = resolvePlatformConfig({ allowedRegions: ['europe-west1'] });
    const text = SPEC.replace(
      '    category: test\n',
      '    category: test\n    locations: { gcpRegion: us-central1, gcpLocation: US }\n',
    );
    expect(validateSpec(parseSpec(text)).ok).toBe(true);
    const result = validateSpec(parseSpec(text), { platform });
    expect(result.issues.map((issue) => issue.message)).toEqual([
      'locations.gcpRegion "us-central1" is not allowed; allowed: europe-west1',
    ]);
  });

  it('reports structure problems together, with positions, and does not run rules on a broken structure', () => {
    const result = validateSpec(
      parseSpec(SPEC.replace('cpu: 1', 'cpu: 0').replace('category: test', 'category: prod')),
    );
    expect(
      result.issues.map((issue) => `${issue.code} ${issue.path} ${issue.line}:${issue.column}`),
    ).toEqual([
      'invalid-value environments[0].category 6:15',
      'out-of-range environments[0].instances.resources.cpu 8:36',
    ]);
  });
});

describe('ajvIssue', () => {
  it('falls back to schema-violation for keywords without a dedicated code', () => {
    const error = {
      keyword: 'minProperties',
      instancePath: '/a/0',
      schemaPath: '#',
      params: {},
      message: 'must NOT have fewer than 1 properties',
    } as ValidationError;
    expect(ajvIssue(error)).toEqual({
      code: 'schema-violation',
      path: ['a', 0],
      message: 'must NOT have fewer than 1 properties',
    });
  });
});
