import { join, relative } from 'node:path';
import { MspError } from '@msp/spec/errors';
import { existingGeneratedFiles } from '../generation/existing-files.js';
import { generateFiles } from '../generation/generate-service.js';
import { parseStackPath, stackNames } from '../generation/stack-paths.js';
import type { StackTarget } from './stack-runs.js';
import type { Io } from '../cli/io.js';
import type { PreparedSpec } from '../spec/prepare-spec.js';
import type { ResolvedEnvironment } from '@msp/spec';
import { sameContent, type FileContent } from '../fs/file-content.js';

/**
 * The committed stacks of the environments, in apply order, after checking
 * that they are exactly what msp generates now: what runs is what was
 * reviewed, and never a stale copy.
 *
 * @throws MspError `terraform-stale` naming the files that differ.
 */
export async function committedStacks(
  io: Io,
  prepared: PreparedSpec,
  environments: readonly ResolvedEnvironment[],
): Promise<StackTarget[]> {
  const ids = environments.map((e) => e.id);
  const onDisk = await existingGeneratedFiles(prepared.dir, ids);
  const generated = await generateFiles(prepared, {
    environmentIDs: ids,
    stable: true,
    io,
  });
  const stale = [...generated]
    .filter(([path, content]) => {
      const committed = onDisk.get(path);
      return committed === undefined || !sameContent(committed, content);
    })
    .map(([path]) => path)
    .concat([...onDisk.keys()].filter((path) => !generated.has(path)));
  if (stale.length > 0)
    throw new MspError(
      'terraform-stale',
      `the committed Terraform is not what msp generates now: ${stale.slice(0, 5).join(', ')}${stale.length > 5 ? `, and ${stale.length - 5} more` : ''}`,
      { hint: 'Run "msp generate", review the diff and commit it, then run again.' },
    );
  const targets: StackTarget[] = [];
  for (const environment of environments) {
    for (const stack of stackNames(generated, environment.id)) {
      const files = new Map<string, FileContent>();
      for (const [path, content] of generated) {
        const parsed = parseStackPath(path);
        if (parsed?.environment === environment.id && parsed.stack === stack)
          files.set(parsed.file, content);
      }
      targets.push({
        environmentID: environment.id,
        stack,
        files,
        dir: relative(io.cwd, join(prepared.dir, 'terraform', environment.id, 'stacks', stack)),
      });
    }
  }
  return targets;
}
