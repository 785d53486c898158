/**
 * The platform config (`msp.config.yaml`), resolved: everything
 * organisation-specific that generation needs. Every field has a working
 * default so that generation works out of the box.
 */

import type { Category } from './resolved.js';

export type StateBackend =
  | {
      readonly type: 'terraform-cloud';
      /** @default "app.terraform.io" */
      readonly hostname: string;
      readonly organization: string;
      /** Workspace names are `<prefix>-<service>-<env>-<stack>`. @default "msp" */
      readonly workspacePrefix: string;
      /** Run mode of workspaces created by `msp tfc sync` and the workspaces stack. */
      readonly runMode: 'vcs' | 'cli';
      readonly vcs?: {
        readonly repository: string;
        readonly branch: string;
        readonly oauthTokenID?: string;
        /** Path from the repository root to the directory holding the service directories. */
        readonly servicesDir: string;
      };
      /** Team access for projects: team ID → access level. */
      readonly teamAccess: readonly {
        readonly teamID: string;
        readonly access: 'read' | 'write' | 'admin';
      }[];
      /** Slack webhook secret for run failure notifications, if any. */
      readonly notificationWebhookSecret?: SecretLocation;
      /** Terraform Cloud token for the tfcworkspaces stack; absent means `TFE_TOKEN`. */
      readonly tokenSecret?: SecretLocation;
    }
  | {
      readonly type: 'gcs';
      /**
       * Absent when no state is configured: the backend is partial (the operator
       * gives the bucket at `terraform init`) and remote state reads the
       * `state_bucket` input variable.
       */
      readonly bucket?: string;
      /** Object prefix; state lives at `<prefix>/<service>/<env>/<stack>`. @default "msp" */
      readonly prefix: string;
    };

/** A secret in Secret Manager that Terraform reads at plan time. */
export interface SecretLocation {
  readonly project: string;
  readonly secret: string;
}

export interface PlatformConfig {
  /**
   * Billing account for new projects, `XXXXXX-XXXXXX-XXXXXX`; absent: the
   * project stack takes it from a `billing_account` input variable.
   */
  readonly billingAccount?: string;
  /** Folder (`folders/<n>`) per category; a category without one uses `organizationID`. */
  readonly folders: Readonly<Partial<Record<Category, string>>>;
  /** Organisation number: the parent of projects whose category has no folder. */
  readonly organizationID?: string;
  /** Regions an environment may use; the first is the default. */
  readonly allowedRegions: readonly string[];
  /** BigQuery multi-regions an environment may use; the first is the default. */
  readonly allowedLocations: readonly string[];
  readonly state: StateBackend;
  /** Terraform version written to `.terraform-version` and required by stacks. */
  readonly terraformVersion: string;
  /** Members of the organisation domain granted run.invoker by `authentication.sourcegraph`-style flags. */
  readonly authenticationDomain?: string;
  /** `{id}` is replaced by the notionPageID. */
  readonly handbookURLTemplate?: string;
  /** Labels added to every project. */
  readonly projectLabels: Readonly<Record<string, string>>;
  /** Service account Terraform runs as, granted impersonation of the workload account. */
  readonly terraformServiceAccount?: string;
  readonly cloudflare?: {
    readonly apiTokenSecret: SecretLocation;
    /** Origin certificate used when a domain is proxied. */
    readonly originCertificate?: {
      readonly certSecret: SecretLocation;
      readonly keySecret: SecretLocation;
    };
  };
  readonly sentry?: {
    readonly organization: string;
    readonly team: string;
    readonly authTokenSecret: SecretLocation;
    /** Slack integration of the Sentry organisation, for notifications to the per-service channel. */
    readonly slackIntegration?: string;
  };
  readonly notifications: {
    /** Shared Slack channels that receive every alert. */
    readonly slackChannels: readonly string[];
    /** Create a per-environment Slack channel `#alerts-<svc>-<env>`. */
    readonly perServiceSlackChannel: boolean;
    readonly slackTokenSecret?: SecretLocation;
    /** Slack user IDs kept as permanent members of the per-service channel. */
    readonly slackPermanentMembers: readonly string[];
    /** Opsgenie for critical alerts of production categories. */
    readonly opsgenie?: { readonly apiKeySecret: SecretLocation };
  };
  readonly rollout?: {
    /** Pub/Sub push endpoint for Cloud Deploy operation notifications. */
    readonly notificationEndpointSecret?: SecretLocation;
  };
}
