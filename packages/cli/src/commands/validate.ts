import { dirname } from 'node:path';
import { defineCommand } from '../cli/command.js';
import { assertSpecExists } from '../spec/prepare-spec.js';
import { countIssues, formatIssue, isError, sortIssues } from '../spec/format-issues.js';
import { jsonOption } from './shared-options.js';
import { displayPath, specFiles } from './spec-files.js';
import type { SpecIssue } from '../deps.js';

export const validateCommand = defineCommand({
  name: 'validate',
  summary: 'Check specs and the platform config, reporting every issue at once',
  description:
    'Prints every error and warning with file:line:column, the field path, a code frame and a hint.\nExits 1 when any spec has an error; warnings never fail.',
  positionals: [
    {
      name: 'file',
      variadic: true,
      description: 'Specs to check; default: every service.yaml under the current directory.',
    },
  ],
  options: { json: jsonOption },
  examples: [
    { description: 'Check every spec under the current directory', command: 'msp validate' },
    {
      description: 'Check one spec, as JSON for tools',
      command: 'msp validate services/billing/service.yaml --json',
    },
  ],
  async run({ io, args, options, colors, deps }) {
    const files = await specFiles(io, args);
    for (const file of files) await assertSpecExists(io, file);
    const lib = await deps();
    const reports: { file: string; service?: string; issues: SpecIssue[] }[] = [];
    for (const file of files) {
      const loaded = await lib.loadSpec(file);
      const platform = await lib.loadPlatformConfig(dirname(loaded.path));
      const issues = sortIssues([
        ...loaded.issues,
        ...platform.issues.map((i) => ({
          ...i,
          file: i.file ?? platform.path ?? 'msp.config.yaml',
        })),
      ]);
      reports.push({
        file,
        ...(loaded.spec === undefined ? {} : { service: loaded.spec.service.id }),
        issues,
      });
      if (options.json === true) continue;
      for (const issue of issues) {
        const source =
          issue.file === undefined
            ? loaded.source
            : issue.file === platform.path
              ? platform.source
              : undefined;
        io.stdout.write(
          formatIssue(
            issue,
            { path: issue.file ?? file, ...(source === undefined ? {} : { source }), cwd: io.cwd },
            colors,
          ) + '\n',
        );
      }
      const verdict = issues.some(isError) ? colors.red('invalid') : colors.green('valid');
      io.stdout.write(
        `${displayPath(io, file)}: ${verdict}${issues.length > 0 ? ` (${countIssues(issues)})` : ''}\n`,
      );
    }
    const failed = reports.filter((r) => r.issues.some(isError)).length;
    if (options.json === true) {
      io.stdout.write(JSON.stringify({ valid: failed === 0, specs: reports }, null, 2) + '\n');
    } else {
      io.stdout.write(
        `Checked ${files.length} spec${files.length === 1 ? '' : 's'}: ${failed === 0 ? 'all valid' : `${failed} invalid`}\n`,
      );
    }
    return failed === 0 ? 0 : 1;
  },
});
