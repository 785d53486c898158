import { buildGraph, renderDot, renderMermaid } from './graph.js';

const files = new Map([
  [
    'terraform/dev/stacks/project/main.tf.json',
    JSON.stringify({
      resource: {
        google_project: { project: { project_id: 'p' } },
        google_project_service: { run: { project: '${google_project.project.project_id}' } },
      },
    }),
  ],
  [
    'terraform/dev/stacks/cloudrun/main.tf.json',
    JSON.stringify({
      data: { terraform_remote_state: { project: { backend: 'remote' } } },
      resource: {
        google_redis_instance: {
          redis: { project: '${data.terraform_remote_state.project.outputs.project_id}' },
        },
        google_cloud_run_v2_service: {
          cloudrun: {
            template: { env: [{ value: 'rediss://${google_redis_instance.redis.host}' }] },
            depends_on: ['google_secret_manager_secret.diag'],
          },
        },
        google_secret_manager_secret: { diag: { secret_id: 'diag' } },
      },
    }),
  ],
  [
    'terraform/prod/stacks/project/main.tf.json',
    JSON.stringify({ resource: { google_project: { other: {} } } }),
  ],
]);

describe('infrastructure graph', () => {
  const graph = buildGraph(files, 'dev');

  it("collects the environment's resources per stack, without remote-state plumbing", () => {
    expect(graph.stacks).toEqual(['project', 'cloudrun']);
    expect(graph.nodes.map((n) => `${n.stack}:${n.address}`)).toEqual([
      'project:google_project.project',
      'project:google_project_service.run',
      'cloudrun:google_redis_instance.redis',
      'cloudrun:google_cloud_run_v2_service.cloudrun',
      'cloudrun:google_secret_manager_secret.diag',
    ]);
  });

  it('links references, depends_on and remote-state reads', () => {
    expect(graph.edges).toEqual([
      { from: 'project:google_project_service.run', to: 'project:google_project.project' },
      { from: 'cloudrun:google_redis_instance.redis', to: 'project:' },
      {
        from: 'cloudrun:google_cloud_run_v2_service.cloudrun',
        to: 'cloudrun:google_redis_instance.redis',
      },
      {
        from: 'cloudrun:google_cloud_run_v2_service.cloudrun',
        to: 'cloudrun:google_secret_manager_secret.diag',
      },
    ]);
  });

  it('renders Mermaid', () => {
    expect(renderMermaid(graph)).toBe(
      [
        'flowchart LR',
        '  subgraph stack_project["project"]',
        '    project_google_project_project["google_project.project"]',
        '    project_google_project_service_run["google_project_service.run"]',
        '  end',
        '  subgraph stack_cloudrun["cloudrun"]',
        '    cloudrun_google_redis_instance_redis["google_redis_instance.redis"]',
        '    cloudrun_google_cloud_run_v2_service_cloudrun["google_cloud_run_v2_service.cloudrun"]',
        '    cloudrun_google_secret_manager_secret_diag["google_secret_manager_secret.diag"]',
        '  end',
        '  project_google_project_service_run --> project_google_project_project',
        '  cloudrun_google_redis_instance_redis --> stack_project',
        '  cloudrun_google_cloud_run_v2_service_cloudrun --> cloudrun_google_redis_instance_redis',
        '  cloudrun_google_cloud_run_v2_service_cloudrun --> cloudrun_google_secret_manager_secret_diag',
        '',
      ].join('\n'),
    );
  });

  it('renders Graphviz dot with a cluster per stack', () => {
    const dot = renderDot(graph);
    expect(dot).toMatch(/^digraph infrastructure \{/);
    expect(dot).toContain('subgraph "cluster_cloudrun" {');
    expect(dot).toContain(
      '"cloudrun:google_redis_instance.redis" -> "project:" [lhead="cluster_project"];',
    );
    expect(dot.trimEnd().endsWith('}')).toBe(true);
  });
});
