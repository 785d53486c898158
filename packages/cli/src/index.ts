export { main } from './main.js';
export type { MainOptions } from './main.js';
export type { Io, OutputStream } from './cli/io.js';
export { writeFiles, planFiles } from './fs/write-files.js';
export type { FilePlan, PlanOptions } from './fs/write-files.js';
export type { LoadedSpec, PlatformConfigReport, StackConformanceIssue } from './libraries.js';
