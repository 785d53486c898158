import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSpec } from '../parse-spec.js';
import { NAME_LIMITS, type NameLimit } from '../resolve/names.js';
import { resolvePlatformConfig } from '../platform/resolve-platform-config.js';
import type { PlatformConfigSpec } from '../generated/platform-config-spec.js';
import { validateSpec } from '../validate/validate-spec.js';

const TFC: PlatformConfigSpec = {
  state: { type: 'terraform-cloud', organization: 'example-org', workspacePrefix: 'msp' },
};

/** A service `id` with one environment `env`, and `extra` lines inside the environment. */
function text(id: string, env: string, extra = '', tail = ''): string {
  return `service: { id: ${id}, name: S, owners: [team], description: d }
build: { image: us.gcr.io/images/app }
environments:
  - id: ${env}
    projectID: ${id}-${env}-a1
    category: test
    deploy: { type: manual }
    instances: { resources: { cpu: 1, memory: 1Gi } }
${extra}${tail}`;
}

/** `code path line:column message (hint)` of every issue of the name rules. */
function nameIssues(source: string, platform: PlatformConfigSpec = TFC): string[] {
  return validateSpec(parseSpec(source, 'service.yaml'), {
    platform: resolvePlatformConfig(platform),
  })
    .issues.filter((issue) => /name|service-account/.test(issue.code))
    .map(
      (issue) =>
        `${issue.code} ${issue.path} ${issue.line}:${issue.column} ${issue.message} (${issue.hint})`,
    );
}

describe('name rules', () => {
  it('accept the names of an ordinary spec', () => {
    expect(nameIssues(text('billing', 'prod'))).toEqual([]);
  });

  it('refuse a service account ID under 6 characters, at the service ID', () => {
    expect(nameIssues(text('ab', 'dev'))).toEqual([
      'service-account-id-invalid service.id 1:16 service account ID "ab-sa" is too short: at least 6 characters (it has 5) (the account ID is the service ID followed by "-sa": use a service ID of at least 3 characters that starts with a letter)',
    ]);
  });

  it('refuse a service account ID that does not start with a letter', () => {
    expect(nameIssues(text('1billing', 'dev'))).toEqual([
      'service-account-id-invalid service.id 1:16 service account ID "1billing-sa" may contain only lowercase letters, digits and hyphens, starting with a letter (the account ID is the service ID followed by "-sa": use a service ID of at least 3 characters that starts with a letter)',
    ]);
  });

  it('refuse a private network name ending with a hyphen, only when Redis or PostgreSQL needs one', () => {
    const gcs: PlatformConfigSpec = { state: { type: 'gcs', bucket: 'state-bucket' } };
    expect(nameIssues(text('billing-', 'dev'), gcs)).toEqual([]);
    expect(nameIssues(text('billing-', 'dev', '    resources: { redis: {} }\n'), gcs)).toEqual([
      'network-name-invalid service.id 1:16 private network name "billing-" may contain only lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen (Redis and PostgreSQL need a private network named after the service ID: use a service ID that does not end with a hyphen)',
    ]);
  });

  it('refuse a load balancer name over 63 characters, only with a domain', () => {
    const env = 'production-americas';
    const region = '    locations: { gcpRegion: northamerica-northeast1, gcpLocation: US }\n';
    const domain =
      '    domain: { type: cloudflare, cloudflare: { subdomain: shop, zone: example.com } }\n';
    expect(nameIssues(text('shop', env, region))).toEqual([]);
    expect(nameIssues(text('shop', env, region + domain))).toEqual([
      'load-balancer-name-too-long environments[0].id 4:9 load balancer resource name "shop-production-americas-northamerica-northeast1-security-policy" is too long: at most 63 characters (it has 64) (the domain\'s load balancer resources are named after the Cloud Run name (up to "<Cloud Run name>-security-policy"): use a shorter environment ID)',
    ]);
  });

  it('refuse a Cloud Deploy target that starts with a digit, only for rollout stages', () => {
    const rollout = 'rollout: { stages: [{ environment: 1st }] }\n';
    expect(nameIssues(text('shop', '1st'))).toEqual([]);
    expect(
      nameIssues(text('shop', '1st', '', rollout).replace('type: manual', 'type: rollout')),
    ).toEqual([
      'cloud-deploy-name-invalid environments[0].id 4:9 Cloud Deploy target name "1st-us-central1" may contain only lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen (the rollout stage\'s target is "<environment ID>-<region>": use a shorter environment ID that starts with a letter)',
    ]);
  });

  it('refuse a Terraform Cloud project name over 40 characters, only with Terraform Cloud state', () => {
    const long: PlatformConfigSpec = {
      state: {
        ...TFC.state,
        type: 'terraform-cloud',
        workspacePrefix: 'example-platform-team-msp',
      },
    };
    expect(nameIssues(text('billing', 'staging'), long)).toEqual([
      'terraform-cloud-name-invalid environments[0].id 4:9 Terraform Cloud project name "example-platform-team-msp-billing-staging" is too long: at most 40 characters (it has 41) (Terraform Cloud names are "<workspacePrefix>-<service ID>-<environment ID>" (workspaces add "-<stack>"): use a shorter environment ID or state.workspacePrefix)',
    ]);
    expect(nameIssues(text('billing', 'staging'), { state: { type: 'gcs' } })).toEqual([]);
  });

  it('report a prefix too long for every Terraform Cloud name once, by the first limit it breaks', () => {
    // Workspace names (at most 90) are the project name and "-<stack>", so the
    // project name (at most 40) breaks first.
    const prefix = 'p'.repeat(80);
    const long: PlatformConfigSpec = {
      state: { type: 'terraform-cloud', organization: 'example-org', workspacePrefix: prefix },
    };
    expect(nameIssues(text('billing', 'dev'), long)).toEqual([
      expect.stringContaining(
        `terraform-cloud-name-invalid environments[0].id 4:9 Terraform Cloud project name "${prefix}-billing-dev" is too long: at most 40 characters (it has 92)`,
      ),
    ]);
  });

  it('refuse a service tag ending with a hyphen, at the service ID', () => {
    expect(nameIssues(text('billing-', 'dev'))).toEqual([
      'terraform-cloud-name-invalid service.id 1:16 Terraform Cloud workspace tag "msp-service-billing-" may contain only letters, digits, ":", "_" and "-", starting and ending with a letter or digit (the service\'s workspaces are tagged "<workspacePrefix>-service-<service ID>": use a service ID that ends with a letter or digit)',
    ]);
  });

  it('report each field once per code, however many of its names break the limit', () => {
    const env = 'northamerica-dev-environment-with-a-very-long-name';
    const codes = nameIssues(text('shop', env)).map((issue) => issue.split(' ').slice(0, 2));
    expect(codes).toEqual([
      ['cloud-run-name-too-long', 'environments[0].id'],
      ['project-display-name-too-long', 'environments[0].id'],
      ['terraform-cloud-name-invalid', 'environments[0].id'],
    ]);
  });

  it('name the display name and its limit', () => {
    const issues = nameIssues(text('shop', 'a-rather-long-environment-name'));
    expect(issues).toEqual([
      'project-display-name-too-long environments[0].id 4:9 project display name "S - a-rather-long-environment-name" is too long: at most 30 characters (it has 34) (use a shorter service.name or environment ID)',
    ]);
  });
});

describe('NAME_LIMITS', () => {
  it('matches the table of derived names in docs/reference/limits.md', () => {
    const doc = join(__dirname, '..', '..', '..', '..', 'docs', 'reference', 'limits.md');
    const [, names = ''] = readFileSync(doc, 'utf8').split('\n## Derived names\n');
    const lengths = names
      .split('\n')
      .filter((line) => /^\| [a-zA-Z]/.test(line) && !line.startsWith('| name'))
      .map((line) => line.split('|')[3]?.trim());
    const length = ({ min, max }: NameLimit) =>
      min === undefined ? `at most ${max}` : `${min} to ${max}`;
    expect(lengths).toEqual(
      [
        NAME_LIMITS.projectDisplayName,
        NAME_LIMITS.projectID,
        NAME_LIMITS.cloudRunName,
        NAME_LIMITS.serviceAccountID,
        NAME_LIMITS.computeName,
        NAME_LIMITS.computeName,
        NAME_LIMITS.cloudDeployName,
        NAME_LIMITS.terraformCloudProject,
        NAME_LIMITS.terraformCloudWorkspace,
        NAME_LIMITS.terraformCloudTag,
      ].map(length),
    );
  });
});
