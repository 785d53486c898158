import { schemas } from '../libraries.js';
import { basename, dirname, resolve } from 'node:path';
import { defineCommand } from '../cli/command.js';
import { outFileOption } from './shared-options.js';

export const schemaCommand = defineCommand({
  name: 'schema',
  summary: 'Print the JSON Schema of service.yaml (or of msp.config.yaml)',
  description:
    'Editors use it to complete and explain specs; point a "# yaml-language-server: $schema=" line at it.',
  positionals: [],
  options: {
    platform: {
      type: 'boolean',
      description: 'The schema of the platform config msp.config.yaml instead.',
    },
    out: outFileOption,
  },
  examples: [
    { description: 'Print the spec schema', command: 'msp schema' },
    {
      description: 'Save the platform config schema',
      command: 'msp schema --platform --out msp.config.schema.json',
    },
  ],
  async run({ io, options }) {
    const { service, platform } = await schemas();
    const text = JSON.stringify(options.platform === true ? platform : service, null, 2) + '\n';
    if (options.out === undefined) {
      io.stdout.write(text);
      return 0;
    }
    const { writeFiles } = await import('../fs/write-files.js');
    const target = resolve(io.cwd, options.out);
    await writeFiles(dirname(target), new Map([[basename(target), text]]));
    io.stdout.write(`wrote ${options.out}\n`);
    return 0;
  },
});
