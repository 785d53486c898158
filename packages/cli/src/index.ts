export { main } from './main.js';
export type { MainOptions } from './main.js';
export type { Io, OutputStream } from './cli/io.js';
export { writeFiles, planFiles } from './fs/write-files.js';
export type { FilePlan, PlanOptions } from './fs/write-files.js';
export type {
  MspDeps,
  LoadedSpec,
  PlatformConfigReport,
  StackConformanceIssue,
  ImageTagOptions,
} from './deps.js';
export { loadDefaultDeps } from './wire-deps.js';
