import { basename, dirname, relative, resolve } from 'node:path';
import { defineCommand } from '../cli/command.js';
import { outFileOption } from './shared-options.js';
import { generateFiles } from '../generation/generate-service.js';
import { alertPolicies } from '../ops/alert-policies.js';
import { renderOperationsDoc } from '../ops/operations-doc.js';
import { prepareSpec, specPath } from '../spec/prepare-spec.js';

export const opsCommand = defineCommand({
  name: 'ops',
  summary: 'Write the operations page of a service in Markdown',
  description:
    'Environments, resources, console and logs links, Terraform workspaces, alerts and common tasks,\nmarked as generated. Alerts are read from the Terraform the spec generates.',
  positionals: [{ name: 'file', required: true, description: 'The service.yaml.' }],
  options: {
    out: outFileOption,
  },
  examples: [
    { description: 'Print the page', command: 'msp ops service.yaml' },
    { description: 'Keep it beside the spec', command: 'msp ops service.yaml --out OPERATIONS.md' },
  ],
  async run({ io, options, args, colors }) {
    const path = specPath(io, args[0]);
    const prepared = await prepareSpec(io, colors, path);
    const files = await generateFiles(prepared, { stable: true, io });
    const alerts = new Map(
      prepared.resolved.environments.map((e) => [e.id, alertPolicies(files, e.id)]),
    );
    const target = options.out === undefined ? undefined : resolve(io.cwd, options.out);
    const specLink = relative(target === undefined ? prepared.dir : dirname(target), path)
      .split('\\')
      .join('/');
    const page = renderOperationsDoc(prepared.resolved, prepared.platform, alerts, specLink);
    if (target === undefined) {
      io.stdout.write(page);
      return 0;
    }
    const { writeFiles } = await import('../fs/write-files.js');
    const plan = await writeFiles(dirname(target), new Map([[basename(target), page]]));
    io.stdout.write(`${plan.unchanged.length > 0 ? 'unchanged' : 'wrote'} ${options.out}\n`);
    return 0;
  },
});
