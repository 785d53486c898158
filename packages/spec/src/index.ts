// The public API of @msp/spec. Everything else is internal.

// Pipeline
export { parseSpec } from './parse-spec.js';
export type { SpecDocument } from './parse-spec.js';
export type { SourcePosition } from './yaml/yaml-document.js';
export { validateSpec } from './validate/validate-spec.js';
export type { SpecValidation, ValidateOptions } from './validate/validate-spec.js';
export { resolveSpec } from './resolve/resolve-spec.js';
export type { SpecAssets } from './resolve/spec-assets.js';
export {
  NAME_LIMITS,
  STACK_NAMES,
  environmentNames,
  serviceNames,
  stateLocation,
} from './resolve/names.js';
export type { EnvironmentNameInputs, NameLimit, StackName } from './resolve/names.js';
export { loadSpec } from './load/load-spec.js';
export type { LoadSpecOptions, LoadSpecResult } from './load/load-spec.js';

// Issues and errors
export type { SpecIssue, IssueSeverity, FieldPath } from './issues/spec-issue.js';
export { formatPath, hasErrors, sortIssues } from './issues/spec-issue.js';
export { formatIssue, codeFrame } from './issues/format-issue.js';
export { ISSUE_CODES } from './issues/issue-codes.js';
export type { IssueCode } from './issues/issue-codes.js';
export { ERROR_CODES } from './errors/error-codes.js';
export type { ErrorCode, ErrorCodeInfo, ErrorPackage } from './errors/error-codes.js';
export {
  MspError,
  UsageError,
  isMspError,
  isUsageError,
  type MspErrorOptions,
} from './errors/msp-error.js';
export { SpecError, ConfigError, isSpecError, isConfigError } from './errors.js';

// Input limits
export { INPUT_LIMITS } from './limits/input-limits.js';
export type { InputLimits } from './limits/input-limits.js';

// Platform config
export { parsePlatformConfig } from './platform/parse-platform-config.js';
export type { PlatformConfigResult } from './platform/parse-platform-config.js';
export {
  findPlatformConfig,
  loadPlatformConfig,
  readPlatformConfig,
  PLATFORM_CONFIG_FILE,
} from './platform/load-platform-config.js';
export type {
  LoadedPlatformConfig,
  PlatformConfigReading,
} from './platform/load-platform-config.js';
export {
  DEFAULT_PLATFORM_CONFIG,
  resolvePlatformConfig,
} from './platform/resolve-platform-config.js';

// Schemas and defaults
export { serviceSchema, SERVICE_SCHEMA_ID } from './schema/service-schema.js';
export {
  publishedSchemaURL,
  schemaPackagePath,
  SCHEMA_CDN,
  SPEC_PACKAGE,
} from './schema/published.js';
export { SPEC_VERSION } from './generated/version.js';
export {
  platformSchema,
  PLATFORM_SCHEMA_ID,
  PLATFORM_DEFAULTS,
  BILLING_ACCOUNT_PATTERN,
  STATE_BUCKET_PATTERN,
} from './schema/platform-schema.js';
export {
  SPEC_DEFAULTS,
  DEFAULT_ALLOWED_REGIONS,
  DEFAULT_ALLOWED_LOCATIONS,
} from './schema/defaults.js';
export type { JsonSchema } from './schema/json-schema.js';

// Editing helpers for the CLI
export { newProjectID, DEFAULT_PROJECT_ID_SUFFIX_LENGTH } from './edit/new-project-id.js';
export { appendEnvironment } from './edit/append-environment.js';
export { checkCron } from './cron/cron-schedule.js';
export type { CronCheck } from './cron/cron-schedule.js';

// Input types (generated from the schema)
export type {
  ServiceSpec,
  ServiceInfoSpec,
  ServiceIAMSpec,
  BuildSpec,
  BuildSourceSpec,
  EnvironmentSpec,
  DeploySpec,
  LocationsSpec,
  InstancesSpec,
  InstanceResourcesSpec,
  ScalingSpec,
  SecretVolumeSpec,
  ResourcesSpec,
  RedisSpec,
  PostgreSQLSpec,
  LogicalReplicationSpec,
  PublicationSpec,
  BigQueryDatasetSpec,
  AlertingSpec,
  DomainSpec,
  CloudflareDomainSpec,
  HealthProbesSpec,
  AuthenticationSpec,
  ScheduleSpec,
  MonitoringSpec,
  AlertsSpec,
  ResponseCodeRatioSpec,
  CustomAlertSpec,
  RolloutSpec,
  RolloutStageSpec,
} from './generated/service-spec.js';
export type { PlatformConfigSpec } from './generated/platform-config-spec.js';

// Resolved shapes
export type {
  Category,
  ServiceKind,
  ResolvedSpec,
  ResolvedServiceInfo,
  ResolvedBuild,
  ResolvedDeploy,
  ResolvedSecretRef,
  ResolvedSecretEnv,
  ResolvedSecretVolume,
  ResolvedInstances,
  ResolvedDomain,
  ResolvedHealthProbes,
  ResolvedServiceSettings,
  ResolvedJobSettings,
  ResolvedRedis,
  ResolvedPublication,
  ResolvedPostgreSQL,
  ResolvedBigQueryTable,
  ResolvedBigQueryDataset,
  ResolvedResources,
  ResolvedEnvironment,
  ResolvedResponseCodeRatio,
  ResolvedCustomAlert,
  ResolvedMonitoring,
  ResolvedRolloutStage,
  ResolvedRollout,
  ResolvedServiceNames,
  ResolvedEnvironmentNames,
  ResolvedLoadBalancerNames,
} from './resolved.js';
export type { PlatformConfig, StateBackend, SecretLocation } from './platform-config.js';
