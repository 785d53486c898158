// The spec each generated service gets in the scale benchmark: a typical service with
// three environments (dev, staging, prod) and PostgreSQL and Redis in prod.

const ENVIRONMENTS = [
  { id: 'dev', category: 'test', min: 0, max: 2, data: false },
  { id: 'staging', category: 'internal', min: 0, max: 5, data: false },
  { id: 'prod', category: 'external', min: 1, max: 20, data: true },
];

const hex4 = (n, salt) =>
  ((n * 2654435761 + salt * 40503) >>> 0).toString(16).padStart(8, '0').slice(-4);

export const PLATFORM_CONFIG = `billingAccount: 0A1B2C-3D4E5F-6A7B8C
folders:
  test: folders/111111111111
  internal: folders/222222222222
  external: folders/333333333333
`;

/** `service.yaml` of the `n`-th service (1-based). */
export function serviceSpec(n) {
  const id = `svc-${String(n).padStart(4, '0')}`;
  const environments = ENVIRONMENTS.map(
    (env, i) => `  - id: ${env.id}
    projectID: ${id}-${env.id}-${hex4(n, i)}
    category: ${env.category}
    deploy:
      type: manual
      manual:
        tag: v1.4.2
    instances:
      resources:
        cpu: 1
        memory: 512Mi
      scaling:
        minCount: ${env.min}
        maxCount: ${env.max}
    env:
      FEATURE_FLAGS: search,export
    secretEnv:
      API_TOKEN: ${id.toUpperCase().replace(/-/g, '_')}_API_TOKEN
${
  env.data
    ? `    resources:
      redis:
        memoryGB: 1
      postgreSQL:
        databases:
          - primary
`
    : ''
}`,
  );
  return `service:
  id: ${id}
  name: Service ${n}
  owners:
    - team-${n % 7}
  description: Generated service ${n} for the scale benchmark.
  notionPageID: ${hex4(n, 7).repeat(8)}
build:
  image: us-docker.pkg.dev/example-images/services/${id}
environments:
${environments.join('')}`;
}
