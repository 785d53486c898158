import { readFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import type { PlatformConfig } from '../platform-config.js';
import type { ServiceSpec } from '../generated/service-spec.js';
import type { SpecIssue } from '../issues/spec-issue.js';
import { hasErrors, sortIssues } from '../issues/spec-issue.js';
import { loadPlatformConfig } from '../platform/load-platform-config.js';
import type { SpecAssets } from '../resolve/spec-assets.js';
import { parseSpec } from '../parse-spec.js';
import { validateSpec } from '../validate/validate-spec.js';
import { issueIn } from '../yaml/yaml-document.js';
import { checkReadme } from './readme.js';
import { checkTableSchema } from './bigquery-schema.js';

export interface LoadSpecOptions {
  /** Platform config to validate against. @default found by walking up from the spec (loadPlatformConfig) */
  readonly platform?: PlatformConfig;
  /** Directory that file names in issues are relative to. @default the spec's own name only */
  readonly cwd?: string;
}

export type LoadSpecResult =
  | {
      readonly ok: true;
      readonly spec: ServiceSpec;
      readonly assets: SpecAssets;
      readonly platform: PlatformConfig;
      readonly issues: readonly SpecIssue[];
      /** The text of service.yaml, for code frames. */
      readonly source: string;
    }
  | {
      readonly ok: false;
      readonly issues: readonly SpecIssue[];
      /** The text of service.yaml, for code frames; absent when it cannot be read. */
      readonly source?: string;
    };

/**
 * Reads service.yaml and the files beside it (README.md, BigQuery table
 * schemas), and validates everything. Problems, including a missing file,
 * are returned as issues.
 * @throws {ConfigError} when the platform config it finds is invalid.
 */
export async function loadSpec(
  path: string,
  options: LoadSpecOptions = {},
): Promise<LoadSpecResult> {
  const dir = dirname(path);
  const display = (file: string) =>
    options.cwd === undefined ? relative(dir, file) || basename(file) : relative(options.cwd, file);
  const platform = options.platform ?? (await loadPlatformConfig(dir)).config;
  const text = await readText(path);
  if (typeof text !== 'string') return { ok: false, issues: [unreadable(display(path), text)] };
  const doc = parseSpec(text, display(path));
  const validation = validateSpec(doc, { platform });
  if (!validation.ok) return { ...validation, source: text };
  const { spec } = validation;
  const issues: SpecIssue[] = [...validation.issues];
  const assets: { readme?: string; bigQueryTableSchemas: Map<string, string> } = {
    bigQueryTableSchemas: new Map(),
  };

  const readmePath = join(dir, 'README.md');
  const readme = await readText(readmePath);
  if (typeof readme === 'string') {
    const checked = checkReadme(readme, spec.service.name ?? spec.service.id, display(readmePath));
    if (checked.ok) assets.readme = checked.body;
    else issues.push(checked.issue);
  }

  for (const [envIndex, env] of spec.environments.entries()) {
    for (const [tableIndex, table] of (env.resources?.bigQueryDataset?.tables ?? []).entries()) {
      if (assets.bigQueryTableSchemas.has(table)) continue;
      const file = join(dir, `${table}.bigquerytable.json`);
      const schema = await readText(file);
      if (typeof schema !== 'string') {
        issues.push(
          issueIn(doc, {
            code: 'bigquery-schema',
            path: ['environments', envIndex, 'resources', 'bigQueryDataset', 'tables', tableIndex],
            message: `read schema for BigQuery table ${table}: ${display(file)} ${schema.code === 'ENOENT' ? 'does not exist' : `cannot be read (${schema.code ?? 'error'})`}`,
            hint: `create ${table}.bigquerytable.json beside service.yaml with the table's BigQuery JSON schema`,
          }),
        );
        continue;
      }
      const checked = checkTableSchema(schema, table, display(file));
      if (checked.ok) assets.bigQueryTableSchemas.set(table, checked.schemaJSON);
      else issues.push(checked.issue);
    }
  }
  const sorted = sortIssues(issues);
  return hasErrors(sorted)
    ? { ok: false, issues: sorted, source: text }
    : { ok: true, spec, assets, platform, issues: sorted, source: text };
}

async function readText(path: string): Promise<string | NodeJS.ErrnoException> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    return error as NodeJS.ErrnoException;
  }
}

function unreadable(file: string, error: NodeJS.ErrnoException): SpecIssue {
  const reason =
    error.code === 'ENOENT'
      ? 'service does not exist: file not found'
      : `cannot read the file (${error.code ?? error.message})`;
  return { code: 'file-unreadable', severity: 'error', path: '', message: reason, file };
}
