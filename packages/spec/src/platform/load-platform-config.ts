import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { PlatformConfig } from '../platform-config.js';
import type { SpecIssue } from '../issues/spec-issue.js';
import { ConfigError } from '../errors.js';
import { parsePlatformConfig } from './parse-platform-config.js';
import { platformDefaultIssues } from './platform-defaults.js';
import { DEFAULT_PLATFORM_CONFIG } from './resolve-platform-config.js';

export const PLATFORM_CONFIG_FILE = 'msp.config.yaml';

export interface LoadedPlatformConfig {
  readonly config: PlatformConfig;
  /** The file read, or undefined when none was found and defaults apply. */
  readonly file: string | undefined;
  /** The file's text (for code frames), when there is a file. */
  readonly source?: string;
  /** Warnings (errors are thrown). */
  readonly issues: readonly SpecIssue[];
}

/**
 * What `readPlatformConfig` found: the config, or every issue of an invalid or
 * unreadable file; with the file's path and text for code frames.
 */
export type PlatformConfigReading =
  | (LoadedPlatformConfig & { readonly ok: true })
  | {
      readonly ok: false;
      readonly file: string;
      /** Undefined when the file cannot be read. */
      readonly source?: string;
      readonly issues: readonly SpecIssue[];
    };

/** The nearest msp.config.yaml in `startDir` or one of its parents. */
export async function findPlatformConfig(startDir: string): Promise<string | undefined> {
  let dir = resolve(startDir);
  for (;;) {
    const candidate = join(dir, PLATFORM_CONFIG_FILE);
    const found = await stat(candidate).then(
      (s) => s.isFile(),
      () => false,
    );
    if (found) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Finds and reads the platform config for a spec in `startDir`; without a
 * file, the defaults apply.
 * @throws {ConfigError} when the file exists but is unreadable or invalid.
 */
export async function loadPlatformConfig(startDir: string): Promise<LoadedPlatformConfig> {
  const reading = await readPlatformConfig(startDir);
  if (reading.ok) {
    const { ok: _ok, ...loaded } = reading;
    return loaded;
  }
  if (reading.source === undefined) {
    const [issue] = reading.issues;
    throw new ConfigError(`cannot read ${reading.file}`, [], { cause: issue?.message });
  }
  throw new ConfigError(`${reading.file} is invalid`, reading.issues);
}

/**
 * `loadPlatformConfig` that never throws on bad input: an unreadable or invalid
 * file is returned as issues, with the file's text for code frames.
 */
export async function readPlatformConfig(startDir: string): Promise<PlatformConfigReading> {
  const file = await findPlatformConfig(startDir);
  if (file === undefined)
    return {
      ok: true,
      config: DEFAULT_PLATFORM_CONFIG,
      file: undefined,
      issues: platformDefaultIssues(DEFAULT_PLATFORM_CONFIG, undefined),
    };
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return {
      ok: false,
      file,
      issues: [
        {
          code: 'file-unreadable',
          severity: 'error',
          path: '',
          message: `cannot read the file (${code})`,
          file,
        },
      ],
    };
  }
  const cached = readings.get(file);
  if (cached?.source === source) return cached;
  const result = parsePlatformConfig(source, file);
  const reading: PlatformConfigReading = result.ok
    ? {
        ok: true,
        config: result.config,
        file,
        source,
        issues: [...result.issues, ...platformDefaultIssues(result.config, file)],
      }
    : { ok: false, file, source, issues: result.issues };
  readings.delete(file);
  readings.set(file, reading);
  if (readings.size > MAX_CACHED_READINGS) readings.delete(readings.keys().next().value ?? '');
  return reading;
}

/**
 * The last readings by file: one `msp generate` over many specs under one
 * config reads the file for each spec but parses and validates it once. A
 * reading is reused only while the file's text is the same.
 */
const readings = new Map<string, PlatformConfigReading>();
const MAX_CACHED_READINGS = 16;
