import { parseStackPath } from '../generation/stack-paths.js';
import { parseTerraformJSON } from './resources.js';
import type { FileContent } from '../fs/file-content.js';

export interface StackDocument {
  readonly environment: string;
  readonly stack: string;
  readonly path: string;
  /** The parsed JSON; undefined when the file is not valid JSON. */
  readonly document: unknown;
}

/** The `.tf.json` files of generated stacks, parsed, optionally of one environment only, in map order. */
export function* stackDocuments(
  files: ReadonlyMap<string, FileContent>,
  environmentID?: string,
): Generator<StackDocument> {
  for (const [path, content] of files) {
    const parsed = parseStackPath(path);
    if (parsed === undefined || !parsed.file.endsWith('.tf.json') || typeof content !== 'string')
      continue;
    if (environmentID !== undefined && parsed.environment !== environmentID) continue;
    yield {
      environment: parsed.environment,
      stack: parsed.stack,
      path,
      document: parseTerraformJSON(content),
    };
  }
}
