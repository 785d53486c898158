import { synthesize } from '../../src/index.js';
import { environment, platformConfig, serviceInfo, spec } from '../fixtures/base.js';
import { expectResource, resourcesOf, stackOf } from '../expect-resource.js';

const service = serviceInfo('demo', {
  name: 'Demo',
  iam: {
    services: ['aiplatform.googleapis.com', 'run.googleapis.com'],
    roles: [],
    permissions: [],
  },
});
const set = synthesize(
  spec(service, [
    environment(service, { id: 'dev', category: 'test', allowDestroys: true }),
    environment(service, { id: 'prod', category: 'external' }),
    environment(service, { id: 'ops', category: 'internal' }),
  ]),
  platformConfig({ folders: { test: 'folders/1', external: 'folders/3' } }),
);

describe('stack project', () => {
  it('creates the project with its display name, billing account and no default network', () => {
    expectResource(stackOf(set, 'prod', 'project'), 'google_project', {
      project_id: 'demo-prod-a1b2',
      name: 'Demo - prod',
      billing_account: '0A1B2C-3D4E5F-6A7B8C',
      auto_create_network: false,
    });
  });

  it('places the project in the folder of its category, or no parent when neither a folder nor an organisation is configured', () => {
    expectResource(stackOf(set, 'dev', 'project'), 'google_project', { folder_id: 'folders/1' });
    expectResource(stackOf(set, 'prod', 'project'), 'google_project', { folder_id: 'folders/3' });
    const ops = resourcesOf(stackOf(set, 'ops', 'project'), 'google_project')['project'];
    expect(ops).not.toHaveProperty('folder_id');
    expect(ops).not.toHaveProperty('org_id');
  });

  it('places projects of categories without a folder at the root of organizationID, and only those', () => {
    const withOrg = synthesize(
      spec(service, [
        environment(service, { id: 'dev', category: 'test', allowDestroys: true }),
        environment(service, { id: 'ops', category: 'internal' }),
      ]),
      platformConfig({ folders: { test: 'folders/1' }, organizationID: '123456789012' }),
    );
    expectResource(stackOf(withOrg, 'ops', 'project'), 'google_project', {
      org_id: '123456789012',
    });
    const dev = resourcesOf(stackOf(withOrg, 'dev', 'project'), 'google_project')['project'];
    expect(dev).toMatchObject({ folder_id: 'folders/1' });
    expect(dev).not.toHaveProperty('org_id');
  });

  it('labels the project, adding the audit-log label only in production', () => {
    expectResource(stackOf(set, 'prod', 'project'), 'google_project', {
      labels: {
        service: 'demo',
        environment: 'prod',
        category: 'external',
        msp: 'true',
        'cost-center': 'platform',
        'collect-security-audit-logs': 'true',
      },
    });
    const dev = resourcesOf(stackOf(set, 'dev', 'project'), 'google_project')['project'];
    expect(dev?.['labels']).not.toHaveProperty('collect-security-audit-logs');
  });

  it('guards the project against destroys unless allowDestroys', () => {
    expectResource(stackOf(set, 'prod', 'project'), 'google_project', {
      deletion_policy: 'PREVENT',
      lifecycle: { prevent_destroy: true },
    });
    expectResource(stackOf(set, 'dev', 'project'), 'google_project', {
      deletion_policy: 'DELETE',
      lifecycle: { prevent_destroy: false },
    });
  });

  it('enables every default API plus iam.services once each, never disabling them on destroy', () => {
    const services = resourcesOf(stackOf(set, 'dev', 'project'), 'google_project_service');
    const apis = Object.values(services).map((s) => s['service']);
    expect(apis).toContain('aiplatform.googleapis.com');
    expect(apis).toContain('run.googleapis.com');
    expect(apis).toContain('sqladmin.googleapis.com');
    expect(new Set(apis).size).toBe(apis.length);
    expect(Object.keys(services)).toContain('storage-api');
    for (const s of Object.values(services)) {
      expect(s).toMatchObject({ disable_on_destroy: false, disable_dependent_services: false });
      expect(s['project']).toBe('${google_project.project.project_id}');
    }
  });

  it('outputs the project ID and number', () => {
    expect(Object.keys(stackOf(set, 'dev', 'project').document.output ?? {})).toEqual([
      'project_id',
      'project_number',
    ]);
  });
});
