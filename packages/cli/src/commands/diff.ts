import { defineCommand } from '../cli/command.js';
import { existingGeneratedFiles } from '../generation/existing-files.js';
import { generateFiles } from '../generation/generate-service.js';
import { findEnvironment, prepareSpec, specPath } from '../spec/prepare-spec.js';
import { diffStacks, type StackDiff } from '../terraform/diff-stacks.js';
import { jsonOption, specPositional } from './shared-options.js';
import type { Colors } from '../cli/colors.js';

export const diffCommand = defineCommand({
  name: 'diff',
  summary: 'Show what generating now would change in the Terraform on disk',
  description: [
    'Compares what the spec generates now with the generated files on disk, as resource addresses',
    'added (+), changed (~), removed (-) and moved (>, covered by a moved block), per stack.',
    'Warns loudly when a stateful resource (project, service account, Cloud SQL instance or database,',
    'Redis, BigQuery, bucket, secret) would be destroyed or re-addressed: applying that loses data.',
  ].join('\n'),
  positionals: [specPositional],
  options: {
    env: { type: 'string', valueName: 'id', description: 'Only this environment.' },
    'exit-code': {
      type: 'boolean',
      description: 'Exit 1 when there are differences (like git diff --exit-code).',
    },
    json: jsonOption,
  },
  examples: [
    { description: 'What would change for the service in this directory', command: 'msp diff' },
    {
      description: 'Only prod, as JSON',
      command: 'msp diff services/billing/service.yaml --env prod --json',
    },
  ],
  async run({ io, options, args, colors, deps }) {
    const prepared = await prepareSpec(io, colors, deps, specPath(io, args[0]));
    const lib = await deps();
    const environmentIDs =
      options.env === undefined ? undefined : [findEnvironment(prepared.resolved, options.env).id];
    const existing = await existingGeneratedFiles(prepared.dir, environmentIDs);
    const generated = await generateFiles(lib, prepared, {
      stable: true,
      existing,
      io,
      ...(environmentIDs === undefined ? {} : { environmentIDs }),
    });
    const diff = diffStacks(existing, generated);
    const differs = diff.changes.length + diff.files.length > 0;
    if (options.json === true) io.stdout.write(JSON.stringify(diff, null, 2) + '\n');
    else io.stdout.write(renderDiff(diff, colors));
    return differs && options['exit-code'] === true ? 1 : 0;
  },
});

const marks = { added: '+', changed: '~', removed: '-', moved: '>' } as const;

/** The diff as text: addresses grouped by stack, then the warnings in a banner. */
export function renderDiff(diff: StackDiff, colors: Colors): string {
  if (diff.changes.length === 0 && diff.files.length === 0)
    return 'No changes: the Terraform on disk matches the spec.\n';
  const paint = {
    added: colors.green,
    changed: colors.yellow,
    removed: colors.red,
    moved: colors.cyan,
  } as const;
  const lines: string[] = [];
  let group = '';
  for (const change of diff.changes) {
    const heading = `${change.environment}/${change.stack}`;
    if (heading !== group) lines.push(colors.bold(heading));
    group = heading;
    const text =
      change.change === 'moved' ? `${change.from ?? ''} -> ${change.address}` : change.address;
    lines.push(`  ${paint[change.change](`${marks[change.change]} ${text}`)}`);
  }
  if (diff.files.length > 0) {
    lines.push(colors.bold('other files'));
    for (const file of diff.files)
      lines.push(`  ${paint[file.change](`${marks[file.change]} ${file.path}`)}`);
  }
  const counts = (['added', 'changed', 'removed', 'moved'] as const).map(
    (c) => `${diff.changes.filter((x) => x.change === c).length} ${c}`,
  );
  lines.push('', `${counts.join(', ')}.`);
  if (diff.warnings.length > 0) {
    const bar = '!'.repeat(72);
    lines.push(
      '',
      colors.red(bar),
      colors.bold(
        colors.red(
          `WARNING: applying this would destroy ${diff.warnings.length} stateful resource${diff.warnings.length === 1 ? ', losing its' : 's, losing their'} data:`,
        ),
      ),
    );
    for (const warning of diff.warnings) {
      const why =
        warning.reason === 'destroyed'
          ? 'destroyed'
          : `re-addressed to ${warning.to ?? '?'} (destroyed, then created empty)`;
      lines.push(
        colors.red(
          `  ${warning.environment}/${warning.stack} ${warning.address}: ${warning.kind} ${why}`,
        ),
      );
    }
    lines.push(
      '  If this is a rename, add a moved block; if it is deliberate, back up the data first.',
      '  Environments without allowDestroys: true refuse the destroy at plan time.',
      colors.red(bar),
    );
  }
  return lines.join('\n') + '\n';
}
