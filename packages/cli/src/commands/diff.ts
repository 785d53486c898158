import { replacementLookup } from '../libraries.js';
import { defineCommand } from '../cli/command.js';
import { existingGeneratedFiles } from '../generation/existing-files.js';
import { generateFiles } from '../generation/generate-service.js';
import { findEnvironment, prepareSpec, specPath } from '../spec/prepare-spec.js';
import {
  diffStacks,
  type Action,
  type AddressChange,
  type StackDiff,
  type StatefulWarning,
} from '../terraform/diff-stacks.js';
import { jsonOption, specPositional } from './shared-options.js';
import type { Colors } from '../cli/colors.js';

export const diffCommand = defineCommand({
  name: 'diff',
  summary: 'Show what generating now would change in the Terraform on disk',
  description: [
    'Compares what the spec generates now with the generated files on disk and says, per stack, what',
    'Terraform will do with each address: create (+), update in place (~), replace (-/+, naming the',
    'arguments that force it at the pinned provider versions), destroy (-), move (>, covered by a',
    'moved block). Warns loudly when a stateful resource (project, service account, Cloud SQL',
    'instance, database or user, Redis, BigQuery dataset or table, bucket, secret) would be destroyed,',
    'replaced or re-addressed: applying that loses its data.',
    '',
    'Exit status: 0, or with --exit-code 1 when anything differs; with --fail-on-data-loss 1 when a',
    'stateful resource would be destroyed or replaced (for CI, next to generate --check).',
  ].join('\n'),
  positionals: [specPositional],
  options: {
    env: { type: 'string', valueName: 'id', description: 'Only this environment.' },
    'exit-code': {
      type: 'boolean',
      description: 'Exit 1 when there are differences (like git diff --exit-code).',
    },
    'fail-on-data-loss': {
      type: 'boolean',
      description: 'Exit 1 when a stateful resource would be destroyed, replaced or re-addressed.',
    },
    json: jsonOption,
  },
  examples: [
    { description: 'What would change for the service in this directory', command: 'msp diff' },
    {
      description: 'Only prod, as JSON',
      command: 'msp diff services/billing/service.yaml --env prod --json',
    },
    {
      description: 'In CI: fail a change that would lose data',
      command: 'msp diff services/billing/service.yaml --fail-on-data-loss',
    },
  ],
  async run({ io, options, args, colors }) {
    const prepared = await prepareSpec(io, colors, specPath(io, args[0]));
    const environmentIDs =
      options.env === undefined ? undefined : [findEnvironment(prepared.resolved, options.env).id];
    const existing = await existingGeneratedFiles(prepared.dir, environmentIDs);
    const generated = await generateFiles(prepared, {
      stable: true,
      io,
      ...(environmentIDs === undefined ? {} : { environmentIDs }),
    });
    const diff = diffStacks(existing, generated, await replacementLookup());
    const differs = diff.changes.length + diff.files.length > 0;
    if (options.json === true) io.stdout.write(JSON.stringify(diff, null, 2) + '\n');
    else io.stdout.write(renderDiff(diff, colors));
    if (options['fail-on-data-loss'] === true && diff.warnings.length > 0) return 1;
    return differs && options['exit-code'] === true ? 1 : 0;
  },
});

const marks: Record<Action, string> = {
  create: '+',
  update: '~',
  replace: '-/+',
  destroy: '-',
  move: '>',
};

/** One change as a line: mark, address, and what changes or forces it. */
export function describeChange(change: AddressChange): string {
  const at = change.from === undefined ? change.address : `${change.from} -> ${change.address}`;
  const parts = [`${marks[change.action]} ${at}`];
  if (change.action === 'replace')
    parts.push(`(replaced: ${(change.forcedBy ?? []).join(', ')} forces replacement)`);
  else if (change.action === 'update' && change.arguments !== undefined)
    parts.push(`(in place: ${change.arguments.join(', ')})`);
  if (change.mayForce !== undefined) parts.push(`[may replace: ${change.mayForce.join('; ')}]`);
  if (change.unknownType === true) parts.push('[replacement rules unknown for this type]');
  return parts.join(' ');
}

/** A warning as one sentence: what happens to which stateful resource and what it loses. */
export function describeWarning(warning: StatefulWarning): string {
  const what =
    warning.reason === 'destroyed'
      ? 'destroyed'
      : warning.reason === 'replaced'
        ? `replaced (destroyed, then created empty) because ${(warning.forcedBy ?? []).join(', ')} changes`
        : `re-addressed to ${warning.to ?? '?'} (destroyed, then created empty)`;
  const refused =
    warning.refusedByPreventDestroy === true
      ? '; Terraform refuses this plan (lifecycle.prevent_destroy) until allowDestroys is true'
      : '';
  return `${warning.kind} ${what}: loses ${warning.loses}${refused}`;
}

/** The diff as text: addresses grouped by stack, then the warnings in a banner. */
export function renderDiff(diff: StackDiff, colors: Colors): string {
  if (diff.changes.length === 0 && diff.files.length === 0)
    return 'No changes: the Terraform on disk matches the spec.\n';
  const paint: Record<Action, (s: string) => string> = {
    create: colors.green,
    update: colors.yellow,
    replace: colors.red,
    destroy: colors.red,
    move: colors.cyan,
  };
  const filePaint = { added: colors.green, changed: colors.yellow, removed: colors.red } as const;
  const fileMarks = { added: '+', changed: '~', removed: '-' } as const;
  const lines: string[] = [];
  let group = '';
  for (const change of diff.changes) {
    const heading = `${change.environment}/${change.stack}`;
    if (heading !== group) lines.push(colors.bold(heading));
    group = heading;
    lines.push(`  ${paint[change.action](describeChange(change))}`);
  }
  if (diff.files.length > 0) {
    lines.push(colors.bold('other files'));
    for (const file of diff.files)
      lines.push(`  ${filePaint[file.change](`${fileMarks[file.change]} ${file.path}`)}`);
  }
  const count = (a: Action) => diff.changes.filter((x) => x.action === a).length;
  lines.push(
    '',
    `${count('create')} to create, ${count('update')} to update in place, ${count('replace')} to replace, ${count('destroy')} to destroy, ${count('move')} moved.`,
  );
  if (diff.warnings.length > 0) {
    const bar = '!'.repeat(72);
    const n = diff.warnings.length;
    lines.push(
      '',
      colors.red(bar),
      colors.bold(
        colors.red(
          `WARNING: applying this would destroy ${n} stateful resource${n === 1 ? ', losing its' : 's, losing their'} data:`,
        ),
      ),
    );
    for (const warning of diff.warnings)
      lines.push(
        colors.red(
          `  ${warning.environment}/${warning.stack} ${warning.address}: ${describeWarning(warning)}`,
        ),
      );
    lines.push(
      '  If this is a rename, add a moved block; if it is deliberate, back up the data first.',
      '  Environments without allowDestroys: true refuse the destroy at plan time.',
      colors.red(bar),
    );
  }
  return lines.join('\n') + '\n';
}
