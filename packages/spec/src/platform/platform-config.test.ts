import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isConfigError } from '../errors.js';
import {
  findPlatformConfig,
  loadPlatformConfig,
  readPlatformConfig,
} from './load-platform-config.js';
import { parsePlatformConfig } from './parse-platform-config.js';
import { DEFAULT_PLATFORM_CONFIG } from './resolve-platform-config.js';

describe('parsePlatformConfig', () => {
  it('gives working defaults for an empty file', () => {
    const result = parsePlatformConfig('# nothing yet\n');
    expect(result).toEqual({ ok: true, config: DEFAULT_PLATFORM_CONFIG, issues: [] });
    expect(DEFAULT_PLATFORM_CONFIG).toMatchObject({
      allowedRegions: expect.arrayContaining(['us-central1']),
      allowedLocations: ['US', 'EU'],
      state: { type: 'gcs', prefix: 'msp' },
      notifications: { slackChannels: [], perServiceSlackChannel: false },
    });
    expect(DEFAULT_PLATFORM_CONFIG.allowedRegions[0]).toBe('us-central1');
  });

  it('fills the defaults of a Terraform Cloud backend', () => {
    const result = parsePlatformConfig('state:\n  type: terraform-cloud\n  organization: acme\n');
    expect(result.ok && result.config.state).toEqual({
      type: 'terraform-cloud',
      hostname: 'app.terraform.io',
      organization: 'acme',
      workspacePrefix: 'msp',
      runMode: 'cli',
      teamAccess: [],
    });
  });

  it('resolves the Sentry Slack integration, permanent members and Terraform Cloud token', () => {
    const result = parsePlatformConfig(
      [
        'state:',
        '  type: terraform-cloud',
        '  organization: acme',
        '  tokenSecret: { project: acme-secrets, secret: TFC_TOKEN }',
        'sentry:',
        '  organization: acme',
        '  team: platform',
        '  authTokenSecret: { project: acme-secrets, secret: SENTRY_TOKEN }',
        '  slackIntegration: Acme',
        'notifications:',
        '  slackPermanentMembers: [U012ABCDEF]',
        '',
      ].join('\n'),
    );
    expect(result.issues).toEqual([]);
    expect(result.ok && result.config).toMatchObject({
      state: { tokenSecret: { project: 'acme-secrets', secret: 'TFC_TOKEN' } },
      sentry: { slackIntegration: 'Acme' },
      notifications: { slackPermanentMembers: ['U012ABCDEF'] },
    });
    expect(DEFAULT_PLATFORM_CONFIG.notifications.slackPermanentMembers).toEqual([]);
  });

  it('rejects a Slack permanent member that is not a user ID', () => {
    const result = parsePlatformConfig('notifications:\n  slackPermanentMembers: ["@alice"]\n');
    expect(
      result.issues.map((issue) => `${issue.code} ${issue.path} ${issue.line}:${issue.column}`),
    ).toEqual(['invalid-format notifications.slackPermanentMembers[0] 2:27']);
  });

  it('rejects a region listed twice (not-unique is reached from the platform config only)', () => {
    const result = parsePlatformConfig('allowedRegions: [us-central1, us-west1, us-central1]\n');
    expect(result.ok).toBe(false);
    expect(result.issues.map((issue) => `${issue.severity} ${issue.code}`)).toEqual([
      'error not-unique',
    ]);
  });

  it('takes an organisation number for projects without a folder, and rejects its resource name', () => {
    const result = parsePlatformConfig('organizationID: "123456789012"\n');
    expect(result.ok && result.config.organizationID).toBe('123456789012');
    expect(DEFAULT_PLATFORM_CONFIG.organizationID).toBeUndefined();
    const named = parsePlatformConfig('organizationID: organizations/123\n');
    expect(named.issues.map((issue) => [issue.code, issue.path, issue.message])).toEqual([
      [
        'invalid-format',
        'organizationID',
        expect.stringContaining('must be the organisation number'),
      ],
    ]);
  });

  it('reports every problem with positions and suggestions', () => {
    const result = parsePlatformConfig(
      'billingAccount: 123\nallowedRegion: [us-east1]\nstate:\n  type: gcs\n  organization: acme\nfolders:\n  test: 123\n',
      'msp.config.yaml',
    );
    expect(result.ok).toBe(false);
    expect(
      result.issues.map((issue) => `${issue.code} ${issue.path} ${issue.line}:${issue.column}`),
    ).toEqual([
      'invalid-format billingAccount 1:17',
      'unknown-field allowedRegion 2:1',
      'state-backend state 4:3',
      'state-backend state.organization 5:3',
      'invalid-format folders.test 7:9',
    ]);
    expect(result.issues[1]?.hint).toBe('did you mean "allowedRegions"?');
  });

  it('rejects fields of the other state backend and missing required ones', () => {
    const result = parsePlatformConfig('state:\n  type: gcs\n  organization: acme\n');
    expect(
      result.issues.map((issue) => `${issue.code} ${issue.path} ${issue.line}:${issue.column}`),
    ).toEqual(['state-backend state 2:3', 'state-backend state.organization 3:3']);
  });
});

describe('the Terraform Cloud workspace prefix', () => {
  const prefixIssues = (prefix: string) =>
    parsePlatformConfig(
      `state:\n  type: terraform-cloud\n  organization: acme\n  workspacePrefix: "${prefix}"\n`,
      'msp.config.yaml',
    ).issues.map(
      (issue) => `${issue.code} ${issue.path} ${issue.line}:${issue.column} ${issue.message}`,
    );

  it('may hold letters, digits, "_" and "-"', () => {
    expect(prefixIssues('Platform_msp-2')).toEqual([]);
  });

  it.each([
    ['msp-', 'letters, digits, ":", "_" and "-", starting and ending with a letter or digit'],
    ['msp:tf', 'letters, digits, "_" and "-"'],
    ['my msp', 'letters, digits, ":", "_" and "-", starting and ending with a letter or digit'],
  ])('refuses %j: every Terraform Cloud name msp creates starts with it', (prefix, characters) => {
    expect(prefixIssues(prefix)).toEqual([
      `terraform-cloud-name-invalid state.workspacePrefix 4:20 workspacePrefix "${prefix}" may contain only ${characters}`,
    ]);
  });
});

describe('parsePlatformConfig with other errors', () => {
  it('still requires the organization of a terraform-cloud backend', () => {
    const result = parsePlatformConfig(
      'terraformVersion: latest\nstate:\n  type: terraform-cloud\n  hostname: tfe.example.com\n',
    );
    expect(
      result.issues.map((issue) => `${issue.code} ${issue.path} ${issue.line}:${issue.column}`),
    ).toEqual(['invalid-format terraformVersion 1:19', 'state-backend state 3:3']);
  });

  it('does not call a malformed organization missing', () => {
    const result = parsePlatformConfig('state:\n  type: terraform-cloud\n  organization: [acme]\n');
    expect(result.issues.map((issue) => `${issue.code} ${issue.path}`)).toEqual([
      'wrong-type state.organization',
    ]);
  });
});

describe('findPlatformConfig and loadPlatformConfig', () => {
  const root = mkdtempSync(join(tmpdir(), 'msp-platform-'));
  const service = join(root, 'services', 'shop');
  mkdirSync(service, { recursive: true });

  it('use the defaults when no file exists up the tree', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'msp-none-'));
    const found = await findPlatformConfig(empty);
    // The machine's temp directory has no msp.config.yaml above it.
    expect(found).toBeUndefined();
    const loaded = await loadPlatformConfig(empty);
    expect(loaded).toMatchObject({ config: DEFAULT_PLATFORM_CONFIG, file: undefined });
    // It invents no organisation value: each one the operator supplies is a warning.
    expect(DEFAULT_PLATFORM_CONFIG.billingAccount).toBeUndefined();
    expect(loaded.issues.map((issue) => [issue.severity, issue.code, issue.message])).toEqual([
      [
        'warning',
        'platform-default',
        expect.stringMatching(/^no msp.config.yaml found .*no billingAccount: .*billing_account/),
      ],
      [
        'warning',
        'platform-default',
        expect.stringMatching(/^no msp.config.yaml found .*no folders or organizationID: /),
      ],
      [
        'warning',
        'platform-default',
        expect.stringMatching(/^no msp.config.yaml found .*no state: .*state_bucket/),
      ],
      // Features left out are warnings too, naming what is not generated.
      [
        'warning',
        'platform-default',
        expect.stringMatching(/no sentry settings: no Sentry project .*SENTRY_DSN/),
      ],
      [
        'warning',
        'platform-default',
        expect.stringMatching(/no notifications.slackTokenSecret: .*without Slack notification/),
      ],
      [
        'warning',
        'platform-default',
        expect.stringMatching(/no notifications.opsgenie: critical alerts page no owner/),
      ],
    ]);
  });

  it('warn at the field for each organisation value a config file leaves out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'msp-partial-'));
    writeFileSync(join(dir, 'msp.config.yaml'), 'authenticationDomain: example.com\n');
    const loaded = await loadPlatformConfig(dir);
    expect(loaded.issues.map((issue) => `${issue.code} ${issue.path}`)).toEqual([
      'platform-default billingAccount',
      'platform-default folders',
      'platform-default state',
      'platform-default sentry',
      'platform-default notifications',
      'platform-default notifications',
    ]);
    writeFileSync(
      join(dir, 'msp.config.yaml'),
      'billingAccount: 0A1B2C-3D4E5F-6A7B8C\norganizationID: "123456789012"\nstate: { type: gcs, bucket: acme-tf-state }\n',
    );
    expect(
      (await loadPlatformConfig(dir)).issues.map((issue) => `${issue.code} ${issue.path}`),
    ).toEqual([
      'platform-default sentry',
      'platform-default notifications',
      'platform-default notifications',
    ]);
  });

  it('find the nearest file walking up from the spec directory', async () => {
    writeFileSync(join(root, 'msp.config.yaml'), 'authenticationDomain: example.com\n');
    expect(await findPlatformConfig(service)).toBe(join(root, 'msp.config.yaml'));
    const loaded = await loadPlatformConfig(service);
    expect(loaded.config.authenticationDomain).toBe('example.com');
    expect(loaded.file).toBe(join(root, 'msp.config.yaml'));
  });

  it('throw a ConfigError listing the issues of an invalid file', async () => {
    writeFileSync(join(service, 'msp.config.yaml'), 'terraformVersion: latest\n');
    let caught: unknown;
    try {
      await loadPlatformConfig(service);
    } catch (error) {
      caught = error;
    }
    expect(isConfigError(caught)).toBe(true);
    expect(String((caught as Error).message)).toContain(
      'msp.config.yaml:1:19 terraformVersion: must be a version such as "1.11.4" [invalid-format]',
    );
  });

  it('readPlatformConfig returns the issues and the text of an invalid file instead', async () => {
    const reading = await readPlatformConfig(service);
    expect(reading).toMatchObject({
      ok: false,
      file: join(service, 'msp.config.yaml'),
      source: 'terraformVersion: latest\n',
    });
    expect(reading.issues.map((issue) => `${issue.code} ${issue.line}:${issue.column}`)).toEqual([
      'invalid-format 1:19',
    ]);
  });

  it('readPlatformConfig returns the config and text of a valid file', async () => {
    const reading = await readPlatformConfig(root);
    expect(reading.ok && reading.config.authenticationDomain).toBe('example.com');
    expect(reading.source).toBe('authenticationDomain: example.com\n');
  });

  it('readPlatformConfig parses a file once while its text stays the same', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'msp-platform-cache-'));
    writeFileSync(join(dir, 'msp.config.yaml'), 'authenticationDomain: one.example\n');
    const first = await readPlatformConfig(dir);
    expect(await readPlatformConfig(dir)).toBe(first);
    writeFileSync(join(dir, 'msp.config.yaml'), 'authenticationDomain: two.example\n');
    const changed = await readPlatformConfig(dir);
    expect(changed).not.toBe(first);
    expect(changed.ok && changed.config.authenticationDomain).toBe('two.example');
  });
});
