import { parseSpec } from '../parse-spec.js';
import { validateSpec } from './validate-spec.js';

const SPEC = `service: { id: shop, owners: [commerce], description: Sells things., notionPageID: abc }
build: { image: us.gcr.io/shop-images/shop }
environments:
  - id: dev
    projectID: shop-dev-ab12
    category: test
    deploy: { type: manual }
    instances: { resources: { cpu: 1, memory: 1Gi } }
`;

function issues(text: string): string[] {
  return validateSpec(parseSpec(text)).issues.map(
    (issue) => `${issue.code} ${issue.path} ${issue.line}:${issue.column}`,
  );
}

describe('validateSpec with a malformed structure', () => {
  it('reports structural and semantic errors at once', () => {
    const text = SPEC.replace('category: test', 'category: staging').replace(
      'projectID: shop-dev-ab12',
      'projectID: other-dev-ab12',
    );
    expect(issues(text)).toEqual([
      'project-id-format environments[0].projectID 5:16',
      'invalid-value environments[0].category 6:15',
    ]);
  });

  it('checks the well-formed environments beside a malformed one', () => {
    const text = `${SPEC}  - not an environment\n  - id: prod\n    projectID: shop-prod-ab12\n    category: external\n    deploy: { type: manual }\n    instances: { resources: { cpu: 1, memory: 100Mi } }\n`;
    expect(issues(text)).toEqual([
      'wrong-type environments[1] 9:5',
      'instance-resources environments[2].instances.resources.memory 14:47',
    ]);
  });

  it('does not repeat a structural issue, nor replace a malformed value with its default', () => {
    const text = SPEC.replace(
      'deploy: { type: manual }',
      'deploy: { type: subscription, subscription: yes }',
    ).replace(
      '    instances:',
      '    resources: { postgreSQL: { databases: [shop], cpu: [2], memoryGB: 20 } }\n    instances:',
    );
    // Without its malformed value, subscription would be "missing" and cpu would default to 1.
    expect(issues(text)).toEqual([
      'wrong-type environments[0].deploy.subscription 7:49',
      'wrong-type environments[0].resources.postgreSQL.cpu 8:56',
    ]);
  });

  it('never reports a rule finding at the path of a structural issue', () => {
    const text = SPEC.replace('projectID: shop-dev-ab12', 'projectID: x');
    expect(issues(text)).toEqual(['invalid-format environments[0].projectID 5:16']);
  });
});
