import { parseStackPath } from '../generation/stack-paths.js';
import { parseTerraformJSON } from './resources.js';

export interface StackDocument {
  readonly environment: string;
  readonly stack: string;
  readonly path: string;
  /** The parsed JSON; undefined when the file is not valid JSON. */
  readonly document: unknown;
}

/** The `.tf.json` files of generated stacks, parsed, optionally of one environment only, in map order. */
export function* stackDocuments(
  files: ReadonlyMap<string, string>,
  environmentID?: string,
): Generator<StackDocument> {
  for (const [path, text] of files) {
    const parsed = parseStackPath(path);
    if (parsed === undefined || !parsed.file.endsWith('.tf.json')) continue;
    if (environmentID !== undefined && parsed.environment !== environmentID) continue;
    yield {
      environment: parsed.environment,
      stack: parsed.stack,
      path,
      document: parseTerraformJSON(text),
    };
  }
}
