import { isSpecError, isUsageError } from '../errors.js';
import { appendEnvironment } from './append-environment.js';

const spec = `# The shop service.
service:
  id: shop # short and stable
  owners: [commerce]
environments:
  # Development first.
  - id: dev
    projectID: shop-dev-ab12
`;

describe('appendEnvironment', () => {
  it('appends a mapping given as YAML text, keeping every comment', () => {
    const out = appendEnvironment(
      spec,
      '# Production.\nid: prod\nprojectID: shop-prod-cd34 # generated\n',
    );
    expect(out).toBe(`# The shop service.
service:
  id: shop # short and stable
  owners: [ commerce ]
environments:
  # Development first.
  - id: dev
    projectID: shop-dev-ab12
  # Production.
  - id: prod
    projectID: shop-prod-cd34 # generated
`);
  });

  it('appends plain data', () => {
    const out = appendEnvironment(spec, { id: 'prod', category: 'test' });
    expect(out.endsWith('  - id: prod\n    category: test\n')).toBe(true);
  });

  it('refuses an environment that is not a mapping, and a spec without environments', () => {
    expect(() => appendEnvironment(spec, '- a\n')).toThrow(
      expect.objectContaining({ code: 'usage' }),
    );
    try {
      appendEnvironment('service: {}\n', { id: 'x' });
    } catch (error) {
      expect(isUsageError(error)).toBe(true);
    }
    expect.assertions(2);
  });

  it('reports invalid YAML as a SpecError', () => {
    let caught: unknown;
    try {
      appendEnvironment('a: [\n', { id: 'x' });
    } catch (error) {
      caught = error;
    }
    expect(isSpecError(caught)).toBe(true);
  });
});
