import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { PlatformConfig } from '../platform-config.js';
import type { SpecIssue } from '../issues/spec-issue.js';
import { ConfigError } from '../errors.js';
import { parsePlatformConfig } from './parse-platform-config.js';
import { DEFAULT_PLATFORM_CONFIG } from './resolve-platform-config.js';

export const PLATFORM_CONFIG_FILE = 'msp.config.yaml';

export interface LoadedPlatformConfig {
  readonly config: PlatformConfig;
  /** The file read, or undefined when none was found and defaults apply. */
  readonly file: string | undefined;
  /** Warnings (errors are thrown). */
  readonly issues: readonly SpecIssue[];
}

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
  const file = await findPlatformConfig(startDir);
  if (file === undefined) return { config: DEFAULT_PLATFORM_CONFIG, file: undefined, issues: [] };
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new ConfigError(`cannot read ${file}`, [], { cause });
  }
  const result = parsePlatformConfig(text, file);
  if (!result.ok) throw new ConfigError(`${file} is invalid`, result.issues);
  return { config: result.config, file, issues: result.issues };
}
