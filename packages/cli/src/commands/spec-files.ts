import { relative, resolve } from 'node:path';
import { MspError } from '@msp/spec/errors';
import { findSpecs } from '../fs/find-specs.js';
import type { Io } from '../cli/io.js';

/** The spec files named on the command line, or every `service.yaml` under the working directory. */
export async function specFiles(io: Io, args: readonly string[]): Promise<string[]> {
  if (args.length > 0) return args.map((arg) => resolve(io.cwd, arg));
  const found = await findSpecs(io.cwd);
  if (found.length === 0) {
    throw new MspError('no-specs', `no service.yaml under ${io.cwd}`, {
      hint: 'Name a spec file, or create one with "msp init <id>".',
    });
  }
  return found;
}

/** A path for messages: relative to the working directory when inside it. */
export function displayPath(io: Io, path: string): string {
  const rel = relative(io.cwd, path);
  return rel === '' || rel.startsWith('..') ? path : rel;
}
