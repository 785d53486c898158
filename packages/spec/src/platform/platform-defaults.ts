import type { PlatformConfig } from '../platform-config.js';
import type { SpecIssue } from '../issues/spec-issue.js';
import type { Category } from '../resolved.js';

const CATEGORIES: readonly Category[] = ['test', 'internal', 'external'];

/**
 * A warning for each organisation value the platform config does not give and
 * generation takes from the operator at plan time instead (the embedded default
 * never invents one). `file` is the config read, or undefined for the embedded default.
 */
export function platformDefaultIssues(
  config: PlatformConfig,
  file: string | undefined,
): SpecIssue[] {
  const where =
    file === undefined ? 'no msp.config.yaml found (the embedded default applies), so no' : 'no';
  const issues: SpecIssue[] = [];
  const warn = (path: string, message: string, hint: string) =>
    issues.push({
      code: 'platform-default',
      severity: 'warning',
      path: file === undefined ? '' : path,
      message,
      hint,
      ...(file === undefined ? {} : { file }),
    });
  if (config.billingAccount === undefined)
    warn(
      'billingAccount',
      `${where} billingAccount: each project stack takes it from the input variable billing_account at plan time`,
      "supply billing_account (see the project stack's terraform.tfvars.example), or set billingAccount in msp.config.yaml",
    );
  const unparented = CATEGORIES.filter((category) => config.folders[category] === undefined);
  if (config.organizationID === undefined && unparented.length > 0)
    warn(
      'folders',
      `${where} folders or organizationID: projects of ${unparented.join(', ')} environments are created without a parent, which only credentials allowed to create projects outside an organisation can do`,
      'set folders (per category) or organizationID in msp.config.yaml',
    );
  if (config.state.type === 'gcs' && config.state.bucket === undefined)
    warn(
      'state',
      `${where} state: stacks use a GCS backend whose bucket is given at "terraform init -backend-config=bucket=<name>", and stacks that read earlier ones take it from the input variable state_bucket`,
      'set state (a GCS bucket or Terraform Cloud) in msp.config.yaml',
    );
  // Features left out, not defaulted: the anchor hard-codes what they need.
  if (config.sentry === undefined)
    warn(
      'sentry',
      `${where} sentry settings: no Sentry project is created and workloads get no SENTRY_DSN`,
      'set sentry (organization, team, authTokenSecret) in msp.config.yaml to create a Sentry project per environment',
    );
  if (config.notifications.slackTokenSecret === undefined)
    warn(
      'notifications',
      `${where} notifications.slackTokenSecret: alert policies are created without Slack notification channels (and no per-service alerts channel), so warnings notify nobody`,
      'set notifications.slackTokenSecret (with slackChannels or perServiceSlackChannel) in msp.config.yaml',
    );
  if (config.notifications.opsgenie === undefined)
    warn(
      'notifications',
      `${where} notifications.opsgenie: critical alerts page no owner (no Opsgenie integration is created)`,
      'set notifications.opsgenie.apiKeySecret in msp.config.yaml',
    );
  return issues;
}
