import type { PlatformConfig, SecretLocation, StateBackend } from '../platform-config.js';
import type { PlatformConfigSpec, StateSpec } from '../generated/platform-config-spec.js';
import type { IssueInput } from '../yaml/yaml-document.js';
import type { Loose } from '../validate/loose.js';
import { DEFAULT_ALLOWED_LOCATIONS, DEFAULT_ALLOWED_REGIONS } from '../schema/defaults.js';
import { PLATFORM_DEFAULTS, STATE_FIELDS } from '../schema/platform-schema.js';
import { NAME_LIMITS, nameProblem } from '../resolve/names.js';

/** The platform config used when there is no msp.config.yaml. */
export const DEFAULT_PLATFORM_CONFIG: PlatformConfig = resolvePlatformConfig({});

/** Fills every default of a structurally valid platform config. */
export function resolvePlatformConfig(spec: PlatformConfigSpec): PlatformConfig {
  const notifications = spec.notifications ?? {};
  return {
    ...(spec.billingAccount === undefined ? {} : { billingAccount: spec.billingAccount }),
    folders: { ...spec.folders },
    ...(spec.organizationID === undefined ? {} : { organizationID: spec.organizationID }),
    allowedRegions: spec.allowedRegions ?? [...DEFAULT_ALLOWED_REGIONS],
    allowedLocations: spec.allowedLocations ?? [...DEFAULT_ALLOWED_LOCATIONS],
    state: resolveState(spec.state),
    terraformVersion: spec.terraformVersion ?? PLATFORM_DEFAULTS.terraformVersion,
    ...(spec.authenticationDomain === undefined
      ? {}
      : { authenticationDomain: spec.authenticationDomain }),
    handbookURLTemplate: spec.handbookURLTemplate ?? PLATFORM_DEFAULTS.handbookURLTemplate,
    projectLabels: Object.fromEntries(Object.entries(spec.projectLabels ?? {}).filter(isDefined)),
    ...(spec.terraformServiceAccount === undefined
      ? {}
      : { terraformServiceAccount: spec.terraformServiceAccount }),
    ...(spec.cloudflare === undefined ? {} : { cloudflare: spec.cloudflare }),
    ...(spec.sentry === undefined ? {} : { sentry: spec.sentry }),
    notifications: {
      slackChannels: notifications.slackChannels ?? [],
      perServiceSlackChannel: notifications.perServiceSlackChannel ?? false,
      slackPermanentMembers: notifications.slackPermanentMembers ?? [],
      ...(notifications.slackTokenSecret === undefined
        ? {}
        : { slackTokenSecret: notifications.slackTokenSecret }),
      ...(notifications.opsgenie === undefined ? {} : { opsgenie: notifications.opsgenie }),
    },
    ...(spec.rollout === undefined ? {} : { rollout: spec.rollout }),
  };
}

function resolveState(state: StateSpec | undefined): StateBackend {
  // No invented bucket: without one the operator supplies it (see StateBackend).
  if (state === undefined) return { type: 'gcs', prefix: PLATFORM_DEFAULTS.statePrefix };
  if (state.type === 'gcs') {
    return {
      type: 'gcs',
      ...(state.bucket === undefined ? {} : { bucket: state.bucket }),
      prefix: state.prefix ?? PLATFORM_DEFAULTS.statePrefix,
    };
  }
  const webhook: SecretLocation | undefined = state.notificationWebhookSecret;
  return {
    type: 'terraform-cloud',
    hostname: state.hostname ?? PLATFORM_DEFAULTS.tfcHostname,
    organization: state.organization ?? '',
    workspacePrefix: state.workspacePrefix ?? PLATFORM_DEFAULTS.workspacePrefix,
    runMode: state.runMode ?? 'cli',
    ...(state.vcs === undefined
      ? {}
      : {
          vcs: {
            repository: state.vcs.repository,
            branch: state.vcs.branch ?? 'main',
            ...(state.vcs.oauthTokenID === undefined
              ? {}
              : { oauthTokenID: state.vcs.oauthTokenID }),
            servicesDir: state.vcs.servicesDir ?? 'services',
          },
        }),
    teamAccess: state.teamAccess ?? [],
    ...(webhook === undefined ? {} : { notificationWebhookSecret: webhook }),
    ...(state.tokenSecret === undefined ? {} : { tokenSecret: state.tokenSecret }),
  };
}

/**
 * Backend fields that do not belong to the chosen type, and required ones that
 * are missing. Also checks the well-formed part of a malformed config, where
 * `malformed(field)` tells a malformed (removed) field from a missing one.
 */
export function checkState(
  state: Loose<StateSpec> | undefined,
  malformed: (field: string) => boolean = () => false,
): IssueInput[] {
  if (state?.type === undefined) return [];
  const issues: IssueInput[] = [];
  const allowed: readonly string[] = STATE_FIELDS[state.type];
  for (const key of Object.keys(state)) {
    if (!allowed.includes(key)) {
      issues.push({
        code: 'state-backend',
        path: ['state', key],
        at: 'key',
        message: `"${key}" does not apply to state type "${state.type}"`,
        hint: `fields of ${state.type}: ${allowed.join(', ')}`,
      });
    }
  }
  if (
    state.type === 'terraform-cloud' &&
    state.organization === undefined &&
    !malformed('organization')
  ) {
    issues.push({
      code: 'state-backend',
      path: ['state'],
      message: 'state type "terraform-cloud" requires "organization"',
    });
  }
  const prefix = state.type === 'terraform-cloud' ? state.workspacePrefix : undefined;
  // The prefix is a tag of its own and starts every workspace name.
  const prefixProblem =
    prefix === undefined
      ? undefined
      : (nameProblem(prefix, NAME_LIMITS.terraformCloudTag) ??
        nameProblem(prefix, NAME_LIMITS.terraformCloudWorkspace));
  if (prefixProblem !== undefined) {
    issues.push({
      code: 'terraform-cloud-name-invalid',
      path: ['state', 'workspacePrefix'],
      message: `workspacePrefix "${prefix}" ${prefixProblem}`,
      hint: 'it starts every Terraform Cloud project, workspace and tag name msp creates, and is a tag itself',
    });
  }
  if (state.type === 'gcs' && state.bucket === undefined && !malformed('bucket')) {
    issues.push({
      code: 'state-backend',
      path: ['state'],
      message: 'state type "gcs" requires "bucket"',
    });
  }
  if (
    state.type === 'terraform-cloud' &&
    state.runMode === 'vcs' &&
    state.vcs === undefined &&
    !malformed('vcs')
  ) {
    issues.push({
      code: 'state-backend',
      path: ['state', 'runMode'],
      message: 'runMode "vcs" requires "vcs.repository"',
    });
  }
  return issues;
}

function isDefined(entry: [string, string | undefined]): entry is [string, string] {
  return entry[1] !== undefined;
}
