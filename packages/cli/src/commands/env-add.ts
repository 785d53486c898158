import { appendEnvironment, newProjectID } from '../libraries.js';
import { basename, dirname, relative } from 'node:path';
import { defineCommand } from '../cli/command.js';
import { MspError, UsageError } from '@msp/spec/errors';
import { integerOption } from '../cli/parse.js';
import { environmentIDPattern, environmentTemplate } from '../scaffold/templates.js';
import { assertSpecExists, loadSpecReport, specPath } from '../spec/prepare-spec.js';
import { isError, sortIssues } from '@msp/spec/issues';
import { countIssues, formatIssue } from '../spec/format-issues.js';

export const envAddCommand = defineCommand({
  name: 'env add',
  summary: 'Append an environment with a new project ID to a spec',
  description:
    'Appends the environment to "environments", keeping the file\'s comments and formatting.\nThe project ID is <service>-<env>-<random hex suffix>.',
  positionals: [
    { name: 'spec', required: true, description: 'The service.yaml to change.' },
    {
      name: 'env-id',
      required: true,
      description: 'ID of the new environment: lower-case letters and digits.',
    },
  ],
  options: {
    category: {
      type: 'string',
      valueName: 'category',
      choices: ['test', 'internal', 'external'],
      default: 'test',
      description: 'internal and external are production.',
    },
    'suffix-length': {
      type: 'string',
      valueName: 'n',
      default: '4',
      description: 'Length of the random project ID suffix.',
    },
    'dry-run': { type: 'boolean', description: 'Print the new spec instead of writing it.' },
  },
  examples: [
    { description: 'Add a staging environment', command: 'msp env add service.yaml staging' },
    {
      description: 'Add production',
      command: 'msp env add services/billing/service.yaml prod --category external',
    },
  ],
  async run({ io, options, args, colors }) {
    const [file = '', envID = ''] = args;
    if (!environmentIDPattern.test(envID))
      throw new UsageError(
        `invalid environment ID "${envID}": use lower-case letters and digits, starting with a letter`,
      );
    const suffixLength =
      integerOption('suffix-length', options['suffix-length'], { min: 2, max: 16 }) ?? 4;
    const path = specPath(io, file);
    await assertSpecExists(io, path);
    const { platform, loaded } = await loadSpecReport(path);
    if (loaded?.spec === undefined || loaded.issues.some(isError)) {
      const issues = loaded?.issues ?? platform.issues;
      const source = loaded?.source ?? platform.source;
      const invalid = loaded === undefined ? (platform.file ?? 'msp.config.yaml') : path;
      for (const issue of sortIssues(issues))
        io.stderr.write(
          formatIssue(
            issue,
            { path: invalid, ...(source === undefined ? {} : { source }), cwd: io.cwd },
            colors,
          ) + '\n',
        );
      throw new MspError(
        loaded === undefined ? 'platform-config-invalid' : 'spec-invalid',
        `${relative(io.cwd, invalid) || invalid} is invalid (${countIssues(issues)}); fix it before adding an environment`,
      );
    }
    const { service, environments } = loaded.spec;
    if (environments.some((e) => e.id === envID)) {
      throw new MspError(
        'environment-exists',
        `${service.id} already has an environment "${envID}"`,
        {
          hint: `Environments: ${environments.map((e) => e.id).join(', ')}.`,
        },
      );
    }
    const environment = environmentTemplate({
      id: envID,
      projectID: await newProjectID(service.id, envID, suffixLength),
      category: options.category,
      kind: service.kind ?? 'service',
    });
    const text = await appendEnvironment(loaded.source, environment);
    if (options['dry-run'] === true) {
      io.stdout.write(text);
      return 0;
    }
    const { writeFiles } = await import('../fs/write-files.js');
    await writeFiles(dirname(path), new Map([[basename(path), text]]));
    io.stdout.write(
      `${colors.green('added')} environment ${envID} (project ${String(environment['projectID'])}) to ${file}\n`,
    );
    return 0;
  },
});
