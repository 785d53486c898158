export { renderJSON } from './render-json.js';
export { synthesize } from './synthesize.js';
export { generateService } from './generate-service.js';
export type {
  GenerateServiceOptions,
  GeneratedService,
  GeneratedStackSummary,
} from './generate-service.js';
export type { SynthesizeOptions } from './synthesize.js';
export { GenerationError, isGenerationError } from './generation-error.js';
export { renderStackSet, renderTfvars, parseTfvars, TERRAFORM_DIR } from './render-stack-set.js';
export { mergeFragments, FragmentConflictError } from './merge-fragments.js';
export { STACK_NAMES } from './stack.js';
export type {
  StackName,
  Stack,
  StackContext,
  RemoteRead,
  StackOutput,
  StackSet,
  EnvironmentStacks,
  SynthesizedStack,
  DynamicVariable,
} from './stack.js';
export { tarGz } from './archive/tar-gz.js';
export type { ArchiveFile, TarGzOptions } from './archive/tar-gz.js';
export {
  skaffoldConfig,
  skaffoldSource,
  SKAFFOLD_API_VERSION,
  SKAFFOLD_SOURCE_FILE,
} from './stacks/cloudrun/skaffold-source.js';
export type {
  Fragment,
  TerraformDocument,
  TerraformSettings,
  Lifecycle,
  ResourceMeta,
  ResourceType,
  DataSourceType,
  ResourceBody,
  DataSourceBody,
  EphemeralResourceType,
  EphemeralResourceBody,
} from './terraform.js';
export type { Expression } from './expression.js';
export {
  checkConformance,
  checkStackSetConformance,
  formatConformanceIssue,
} from './conformance/check-conformance.js';
export type { ConformanceIssue } from './conformance/check-conformance.js';
export type {
  ProviderSchema,
  SchemaBlock,
  SchemaBlockType,
  SchemaAttribute,
  SchemaType,
} from './conformance/schema-types.js';
export { PROVIDER_SCHEMAS } from './generated/index.js';
export { REPLACEMENT_ARGUMENTS, replacementArguments } from './replacement-arguments.js';
export type { ReplacementTable, ResourceReplacement } from './replacement-table.js';
export type {
  ProviderName,
  ResourceArgs,
  DataSourceArgs,
  EphemeralResourceArgs,
} from './generated/index.js';
export { RESOLVED_IMAGE_TAG_VARIABLE } from './stacks/cloudrun/image.js';
