import { CONTRACT_VARIABLES, CONTRACT_VARIABLE_NAMES } from '../contract/index.js';
import type { ContractVariable } from '../contract/index.js';
import { parseSpec } from '../parse-spec.js';
import { resolvePlatformConfig } from '../platform/resolve-platform-config.js';
import { resolveSpec } from '../resolve/resolve-spec.js';
import { validateSpec } from '../validate/validate-spec.js';

/** A spec written for the anchor, with `extra` lines inside its one environment. */
const spec = (
  extra: string,
) => `service: { id: shop, owners: [commerce], description: Sells things. }
build: { image: us.gcr.io/shop-images/shop }
environments:
  - id: dev
    projectID: shop-dev-ab12
    category: test
    deploy: { type: manual, manual: { tag: insiders } }
    instances: { resources: { cpu: 1, memory: 1Gi } }
${extra}`;

const issues = (extra: string, platform = resolvePlatformConfig({})) =>
  validateSpec(parseSpec(spec(extra)), { platform }).issues.map(
    (issue) => `${issue.severity} ${issue.code} ${issue.path}`,
  );

describe("contract variables in env follow the table's setBy", () => {
  const cases = CONTRACT_VARIABLE_NAMES.map((name) => [name, CONTRACT_VARIABLES[name].setBy]);

  it('has variables of both kinds to check', () => {
    expect(cases.some(([, setBy]) => setBy === 'operator')).toBe(true);
    expect(cases.some(([, setBy]) => setBy !== 'operator')).toBe(true);
  });

  it.each(cases)('%s (set by %s) in env', (name, setBy) => {
    const variable: ContractVariable = CONTRACT_VARIABLES[name as keyof typeof CONTRACT_VARIABLES];
    const found = issues(`    env: { ${name}: "${variable.values?.[0] ?? 'x'}" }\n`);
    if (setBy === 'operator') expect(found).toEqual([]);
    else expect(found).toEqual([`error env-name-conflict environments[0].env.${name}`]);
  });

  it('accepts LOG_LEVEL and LOG_FORMAT as the anchor does', () => {
    expect(issues('    env: { LOG_LEVEL: debug, LOG_FORMAT: json }\n')).toEqual([]);
  });

  it('warns about a value @msp/runtime would refuse, without refusing the spec', () => {
    expect(issues('    env: { LOG_LEVEL: trace }\n')).toEqual([
      'warning env-contract-value environments[0].env.LOG_LEVEL',
    ]);
  });
});

describe('resources.postgreSQL', () => {
  it('accepts an empty block, as the anchor does', () => {
    const result = validateSpec(parseSpec(spec('    resources: { postgreSQL: {} }\n')));
    expect(result.issues).toEqual([]);
    expect(result.ok && result.spec.environments[0]?.resources?.postgreSQL).toEqual({});
  });

  it('accepts an empty list of databases', () => {
    expect(issues('    resources: { postgreSQL: { databases: [] } }\n')).toEqual([]);
  });
});

describe('a Cloudflare domain without cloudflare platform settings', () => {
  const domain = (proxied: string) =>
    `    domain: { type: cloudflare, cloudflare: { subdomain: shop, zone: example.com${proxied} } }\n`;

  it('is generated with the token from the environment and origin certificate inputs, with warnings', () => {
    expect(issues(domain(''))).toEqual([
      'warning platform-default environments[0].domain.type',
      'warning platform-default environments[0].domain.cloudflare',
    ]);
  });

  it('needs no origin certificate when not proxied', () => {
    expect(issues(domain(', proxied: false'))).toEqual([
      'warning platform-default environments[0].domain.type',
    ]);
  });

  it('warns about nothing when the platform config has the settings', () => {
    const secret = { project: 'p', secret: 's' };
    const platform = resolvePlatformConfig({
      cloudflare: {
        apiTokenSecret: secret,
        originCertificate: { certSecret: secret, keySecret: secret },
      },
    });
    expect(issues(domain(''), platform)).toEqual([]);
  });
});

describe('build.source', () => {
  it('accepts a source without repo, as the anchor does, and leaves it out', () => {
    const text = spec('').replace(
      'build: { image: us.gcr.io/shop-images/shop }',
      'build: { image: us.gcr.io/shop-images/shop, source: { dir: cmd/shop } }',
    );
    const result = validateSpec(parseSpec(text));
    expect(result.issues).toEqual([]);
    expect(result.ok && resolveSpec(result.spec, resolvePlatformConfig({})).build.source).toBe(
      undefined,
    );
  });
});

describe('duplicates in lists, which the anchor accepts', () => {
  const withIAM = (iam: string) =>
    spec('').replace('Sells things. }', `Sells things., iam: { ${iam} } }`);
  const check = (text: string) => {
    const result = validateSpec(parseSpec(text, 'service.yaml'));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    return {
      issues: result.issues.map(
        (issue) =>
          `${issue.file}:${issue.line}:${issue.column} ${issue.severity} ${issue.code} ${issue.path}: ${issue.message}`,
      ),
      resolved: resolveSpec(result.spec, resolvePlatformConfig({})),
    };
  };

  it('warns at a role listed twice and resolves it once', () => {
    const { issues, resolved } = check(withIAM('roles: [roles/x, roles/viewer, roles/x]'));
    expect(issues).toEqual([
      'service.yaml:1:108 warning duplicate-item service.iam.roles[2]: "roles/x" is listed twice; the duplicate is ignored. Remove it.',
    ]);
    expect(resolved.service.iam.roles).toEqual(['roles/x', 'roles/viewer']);
  });

  it('takes "x" and "x.googleapis.com" as the same service', () => {
    const { issues, resolved } = check(
      withIAM('services: [bigquery, pubsub.googleapis.com, bigquery.googleapis.com, pubsub]'),
    );
    expect(issues).toEqual([
      'service.yaml:1:121 warning duplicate-item service.iam.services[2]: "bigquery.googleapis.com" is the same as "bigquery" (index 0); the duplicate is ignored. Remove it.',
      'service.yaml:1:146 warning duplicate-item service.iam.services[3]: "pubsub" is the same as "pubsub.googleapis.com" (index 1); the duplicate is ignored. Remove it.',
    ]);
    expect(resolved.service.iam.services).toEqual([
      'bigquery.googleapis.com',
      'pubsub.googleapis.com',
    ]);
  });

  it('warns at a permission listed three times, at each repeat', () => {
    const { issues, resolved } = check(withIAM('permissions: [a.b.c, a.b.c, a.b.c]'));
    expect(issues).toEqual([
      'service.yaml:1:98 warning duplicate-item service.iam.permissions[1]: "a.b.c" is listed twice; the duplicate is ignored. Remove it.',
      'service.yaml:1:105 warning duplicate-item service.iam.permissions[2]: "a.b.c" is listed twice; the duplicate is ignored. Remove it.',
    ]);
    expect(resolved.service.iam.permissions).toEqual(['a.b.c']);
  });

  it('warns at a database listed twice and creates it once', () => {
    const { issues, resolved } = check(
      spec('    resources: { postgreSQL: { databases: [orders, users, orders] } }\n'),
    );
    expect(issues).toEqual([
      'service.yaml:9:59 warning duplicate-item environments[0].resources.postgreSQL.databases[2]: "orders" is listed twice; the duplicate is ignored. Remove it.',
    ]);
    expect(resolved.environments[0]?.resources.postgreSQL?.databases).toEqual(['orders', 'users']);
  });

  it('warns at a BigQuery table listed twice and creates it once', () => {
    const text = spec('    resources: { bigQueryDataset: { tables: [events, events] } }\n');
    const result = validateSpec(parseSpec(text, 'service.yaml'));
    expect(result.ok).toBe(true);
    expect(
      result.issues.map((issue) => `${issue.line}:${issue.column} ${issue.code} ${issue.path}`),
    ).toEqual(['9:54 duplicate-item environments[0].resources.bigQueryDataset.tables[1]']);
    const assets = { bigQueryTableSchemas: new Map([['events', '[]']]) };
    const resolved = result.ok && resolveSpec(result.spec, resolvePlatformConfig({}), assets);
    expect(resolved && resolved.environments[0]?.resources.bigQueryDataset?.tables).toEqual([
      { id: 'events', schemaJSON: '[]' },
    ]);
  });
});

describe('instances.resources.cloudRunGeneration', () => {
  const generation = (value: string) => {
    const text = spec('').replace('memory: 1Gi }', `memory: 1Gi, cloudRunGeneration: ${value} }`);
    const result = validateSpec(parseSpec(text, 'service.yaml'));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    return {
      issues: result.issues.map(
        (issue) =>
          `${issue.line}:${issue.column} ${issue.severity} ${issue.code} ${issue.path}: ${issue.message}`,
      ),
      resolved: resolveSpec(result.spec, resolvePlatformConfig({})).environments[0]?.instances
        .cloudRunGeneration,
    };
  };

  it.each([
    ['1', 1],
    ['2', 2],
  ])('takes %s as it is', (value, resolved) => {
    expect(generation(value)).toEqual({ issues: [], resolved });
  });

  it('warns about another number, which the anchor did not check, and uses generation 2', () => {
    expect(generation('3')).toEqual({
      issues: [
        '8:72 warning cloud-run-generation environments[0].instances.resources.cloudRunGeneration: cloudRunGeneration 3 is neither 1 nor 2; generation 2 is used',
      ],
      resolved: 2,
    });
  });

  it('still refuses what is not an integer', () => {
    const text = spec('').replace('memory: 1Gi }', 'memory: 1Gi, cloudRunGeneration: gen2 }');
    expect(validateSpec(parseSpec(text)).ok).toBe(false);
  });
});
