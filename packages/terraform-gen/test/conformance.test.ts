import {
  checkConformance,
  checkStackSetConformance,
  formatConformanceIssue,
} from '../src/index.js';
import { FIXTURES } from './fixtures/index.js';
import { synthesizeFixture } from './generate-fixture.js';

describe('schema conformance of every fixture', () => {
  it.each(Object.keys(FIXTURES))('every stack of %s conforms to the pinned schemas', (name) => {
    const fixture = FIXTURES[name];
    if (fixture === undefined) throw new Error(name);
    const issues = checkStackSetConformance(synthesizeFixture(fixture));
    expect(issues.map((i) => `${i.stack} ${formatConformanceIssue(i)}`)).toEqual([]);
  });
});

describe('checkConformance', () => {
  const doc = (body: unknown, type = 'google_service_account') => ({
    resource: { [type]: { x: body } },
  });

  it('reports an unknown argument with a suggestion', () => {
    expect(checkConformance(doc({ account_id: 'a', dispaly_name: 'A' }))).toEqual([
      {
        address: 'resource.google_service_account.x',
        path: 'dispaly_name',
        message: 'unknown argument or block "dispaly_name" (did you mean "display_name"?)',
      },
    ]);
  });

  it('reports a missing required argument', () => {
    expect(checkConformance(doc({ display_name: 'A' })).map((i) => i.message)).toEqual([
      'missing required argument "account_id"',
    ]);
  });

  it('reports a read-only attribute', () => {
    expect(checkConformance(doc({ account_id: 'a', email: 'e' })).map((i) => i.message)).toEqual([
      '"email" is read-only (computed)',
    ]);
  });

  it('checks literal primitive types but not interpolations', () => {
    const issues = checkConformance(doc({ byte_length: '8', keepers: { a: 1 } }, 'random_id')).map(
      formatConformanceIssue,
    );
    expect(issues).toEqual([
      'resource.random_id.x: byte_length: expected number, got "8"',
      'resource.random_id.x: keepers["a"]: expected string, got 1',
    ]);
    expect(checkConformance(doc({ byte_length: '${var.n}' }, 'random_id'))).toEqual([]);
  });

  it('checks block nesting and item counts', () => {
    const job = {
      name: 'j',
      location: 'l',
      template: [{ template: [{ containers: [{ image: 'i' }] }] }, { template: [] }],
    };
    expect(
      checkConformance(doc(job, 'google_cloud_run_v2_job')).map(formatConformanceIssue),
    ).toEqual([
      'resource.google_cloud_run_v2_job.x: template: at most 1 block(s) allowed, got 2',
      'resource.google_cloud_run_v2_job.x: template[1].template: at least 1 block(s) required, got 0',
    ]);
    expect(
      checkConformance(doc({ name: 'j', location: 'l' }, 'google_cloud_run_v2_job')).map(
        (i) => i.message,
      ),
    ).toEqual(['missing required block "template" (at least 1)']);
  });

  it('checks nested blocks and dynamic block content', () => {
    const policy = {
      name: 'p',
      rule: [
        { action: 'deny(403)', priority: 1, match: [{ versioned_expr: 'SRC_IPS_V1', confg: [] }] },
      ],
      dynamic: { rule: { for_each: '${local.x}', content: { action: 'allow', priorty: 2 } } },
    };
    expect(
      checkConformance(doc(policy, 'google_compute_security_policy')).map(formatConformanceIssue),
    ).toEqual([
      'resource.google_compute_security_policy.x: rule[0].match[0].confg: unknown argument or block "confg" (did you mean "config"?)',
      'resource.google_compute_security_policy.x: dynamic.rule.content.priorty: unknown argument or block "priorty" (did you mean "priority"?)',
      'resource.google_compute_security_policy.x: dynamic.rule.content.priority: missing required argument "priority"',
      'resource.google_compute_security_policy.x: dynamic.rule.content.match: missing required block "match" (at least 1)',
    ]);
  });

  it('reports types outside the pinned schemas and checks provider blocks', () => {
    const issues = checkConformance({
      resource: { google_nonexistent_thing: { x: {} } },
      provider: { google: [{ projet: 'p' }] },
    }).map(formatConformanceIssue);
    expect(issues).toEqual([
      'resource.google_nonexistent_thing: type "google_nonexistent_thing" is not in the pinned provider schemas',
      'provider.google[0]: projet: unknown argument or block "projet" (did you mean "project"?)',
    ]);
  });

  it('accepts meta-arguments', () => {
    const body = {
      account_id: 'a',
      depends_on: ['x.y'],
      lifecycle: { prevent_destroy: true },
      provider: 'google.alt',
    };
    expect(checkConformance(doc(body))).toEqual([]);
  });
});
